/**
 * Numbers and dates as pages, emails and channel posts show them. One rule for signs: a change reads
 * "+2.5" or "−1.0" with U+2212 (the width of the plus sign, so columns stay aligned), and a value that
 * rounds to zero has no sign at all.
 */

/** A score with a fixed number of decimals; tabular figures line these up in columns. */
export function formatScore(value: number, decimals = 1): string {
  const text = value.toFixed(decimals);
  // toFixed keeps the sign of tiny negatives ("-0.0"), which reads as a change that isn't there.
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** "+2.5" / "−1.0" / "0.0" with a real minus sign; "—" for null. */
export function signed(value: number | null, decimals = 1): string {
  if (value === null) return "—";
  const text = Math.abs(value).toFixed(decimals);
  if (Number(text) === 0) return text;
  return value > 0 ? `+${text}` : `−${text}`;
}

/** Whole percent of `part` in `whole`; 0 when there is no whole. */
export const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

// One formatter each for the process: toLocaleDateString builds a new Intl.DateTimeFormat on every call, a
// measurable share of a board's render time (one date per row).
const DATE = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });
const SHORT_DATE = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" });
const calendarDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** "14 Mar 2025" for an ISO date, read as a calendar date (no time-zone shift). */
export const formatDate = (iso: string): string => DATE.format(calendarDate(iso));

/** "3 Mar" for an ISO date, read as a calendar date. */
export const shortDate = (iso: string): string => SHORT_DATE.format(calendarDate(iso));

/** "3 – 9 Mar 2025" for a week (or any range of days). */
export const weekLabel = (w: { start: string; end: string }) => `${shortDate(w.start)} – ${formatDate(w.end)}`;

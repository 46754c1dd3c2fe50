const SHORT_DATE = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" });

/** "3 Mar" for an ISO date, read as a calendar date. */
export function shortDate(iso: string): string {
  return SHORT_DATE.format(new Date(`${iso}T00:00:00Z`));
}

/** "+2.5" / "−1.0" / "0.0" with a real minus sign; "—" for null. */
export function signed(value: number | null, decimals = 1): string {
  if (value === null) return "—";
  const text = Math.abs(value).toFixed(decimals);
  if (Number(text) === 0) return text;
  return value > 0 ? `+${text}` : `−${text}`;
}

export const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

/** A member's page in the team (their history and coaching view). */
export const memberHref = (slug: string, userId: string) => `/t/${slug}/members/${userId}`;

/*
 * Which column of an uploaded sheet holds which field of a snapshot: guessed from the header names (ours,
 * Sales Navigator's usage report, their usual variants), or the team's last mapping, and applied row by row.
 * The targets are the snapshot CSV's columns, so a mapped row goes through the same validation as our own file.
 */
import { CSV_COLUMNS, type CsvColumn, type CsvRecord } from "@/lib/csv-snapshots";
import { isOptional, SSI_FIELDS } from "@/lib/ssi";
import type { SheetTable } from "@/lib/spreadsheet/table";

export type DateOrder = "ymd" | "dmy" | "mdy";
export const DATE_ORDERS: Record<DateOrder, string> = { ymd: "2025-03-14 (year first)", dmy: "14/03/2025 (day first)", mdy: "03/14/2025 (month first)" };

/** Column index (0-based) per field; the date comes from a column or is one date for every row. */
export type ColumnMapping = { columns: Partial<Record<CsvColumn, number>>; fixedDate?: string; dateOrder: DateOrder };
/** What a team keeps for next time: header names rather than positions, which move between exports. */
export type SavedMapping = { columns: Partial<Record<CsvColumn, string>>; dateOrder: DateOrder; oneDate?: boolean };

/** Every field a column can be mapped to, in the order the page lists them; only the date may be one for all rows. */
export const MAPPING_FIELDS: { key: CsvColumn; label: string; required: boolean }[] = [
  { key: "email", label: "Email", required: false },
  { key: "name", label: "Name", required: false },
  ...SSI_FIELDS.map((f) => ({
    key: f.csv,
    label: f.kind === "rank" ? `${f.label} (Top %)` : f.label,
    required: !isOptional(f) && f.kind !== "date",
  })),
];

export const fieldLabel = (key: CsvColumn) => MAPPING_FIELDS.find((f) => f.key === key)!.label;

/** "Professional Brand (0-25)" → "professional brand 0 25": case, accents, punctuation and spacing don't count. */
export function normalizeHeader(h: string): string {
  return h
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
}

/** Header names taken as they are, per field (already normalized). */
const SYNONYMS: Record<CsvColumn, string[]> = {
  email: ["email", "e mail", "email address", "e mail address", "mail", "work email", "member email", "seat holder email", "user email", "login"],
  name: ["name", "full name", "member", "member name", "seat holder", "seat holder name", "person", "rep", "user", "user name", "sales rep", "employee"],
  measured_on: ["measured on", "date", "day", "snapshot date", "ssi date", "report date", "as of", "measured", "recorded on", "week", "week of", "period"],
  total: ["total", "ssi", "total ssi", "ssi score", "ssi total", "social selling index", "score", "overall", "overall ssi", "current ssi", "your social selling index"],
  brand: ["brand", "professional brand", "establish your professional brand", "establish professional brand", "establish a professional brand", "build professional brand"],
  people: ["people", "find the right people", "find right people", "right people", "finding the right people"],
  insights: ["insights", "engage with insights", "engage insights", "engaging with insights"],
  relationships: ["relationships", "build relationships", "building relationships", "build strong relationships", "strong relationships"],
  industry_rank: ["industry rank", "industry ssi rank", "rank in industry", "industry top %", "industry top", "industry %", "industry percentile"],
  network_rank: ["network rank", "network ssi rank", "rank in network", "network top %", "network top", "network %", "network percentile"],
  industry_avg: ["industry avg", "industry average", "industry average ssi", "industry ssi", "people in your industry", "avg industry ssi"],
  network_avg: ["network avg", "network average", "network average ssi", "network ssi", "people in your network", "avg network ssi"],
};

const NOISE = /\b(ssi|score|scores|your|the|a|0 25|0 100|%)\b/g;
const squeeze = (s: string) => s.replace(NOISE, " ").replace(/\s+/g, " ").trim();

/** Last resort, by words in the name, most specific first. */
const KEYWORDS: [CsvColumn, (h: string) => boolean][] = [
  ["email", (h) => /\be ?mail\b/.test(h)],
  ["industry_rank", (h) => /\bindustry\b/.test(h) && /\b(rank|top|percentile)\b/.test(h)],
  ["network_rank", (h) => /\bnetwork\b/.test(h) && /\b(rank|top|percentile)\b/.test(h)],
  ["industry_avg", (h) => /\bindustry\b/.test(h) && /\b(avg|average|mean)\b/.test(h)],
  ["network_avg", (h) => /\bnetwork\b/.test(h) && /\b(avg|average|mean)\b/.test(h)],
  ["brand", (h) => /\bbrand\b/.test(h)],
  ["people", (h) => /\bpeople\b/.test(h) && !/\b(industry|network)\b/.test(h)],
  ["insights", (h) => /\binsights?\b/.test(h)],
  ["relationships", (h) => /\brelationships?\b/.test(h)],
  ["measured_on", (h) => /\b(date|day)\b/.test(h)],
  ["total", (h) => /\b(total|ssi|social selling index)\b/.test(h)],
  ["name", (h) => /\bname\b/.test(h)],
];

const NORMALIZED_SYNONYMS = Object.fromEntries(Object.entries(SYNONYMS).map(([k, list]) => [k, new Set(list.flatMap((s) => [s, squeeze(s)]))])) as Record<CsvColumn, Set<string>>;

/** The columns each field most likely sits in, from the header names alone; a column serves one field at most. */
export function guessColumns(header: string[]): Partial<Record<CsvColumn, number>> {
  const out: Partial<Record<CsvColumn, number>> = {};
  const taken = new Set<number>();
  const names = header.map(normalizeHeader);
  const assign = (key: CsvColumn, i: number) => {
    if (out[key] === undefined && !taken.has(i)) {
      out[key] = i;
      taken.add(i);
    }
  };
  // Exact names first (so "Industry SSI" is the industry average, not the total), then without the noise words.
  for (const pick of [(h: string) => h, squeeze]) {
    names.forEach((h, i) => {
      if (!h) return;
      for (const key of CSV_COLUMNS) if (NORMALIZED_SYNONYMS[key].has(pick(h))) assign(key, i);
    });
  }
  for (const [key, test] of KEYWORDS) {
    const i = names.findIndex((h, j) => h && !taken.has(j) && test(h));
    if (i >= 0) assign(key, i);
  }
  return out;
}

/**
 * The team's last mapping where the file has the same header names, the guess for everything else. Without a
 * date column, every row gets one date: `today` until the manager picks another.
 */
export function initialMapping(table: SheetTable, saved: SavedMapping | null, today: string): ColumnMapping {
  const guessed = guessColumns(table.header);
  const oneDate = (columns: ColumnMapping["columns"]) => (columns.measured_on === undefined ? { fixedDate: today } : {});
  if (!saved) return { columns: guessed, dateOrder: guessDateOrder(table, guessed.measured_on), ...oneDate(guessed) };
  const names = table.header.map(normalizeHeader);
  const columns: Partial<Record<CsvColumn, number>> = {};
  const taken = new Set<number>();
  for (const key of CSV_COLUMNS) {
    const name = saved.columns[key];
    const i = name === undefined ? -1 : names.indexOf(normalizeHeader(name));
    if (i >= 0 && !taken.has(i)) {
      columns[key] = i;
      taken.add(i);
    }
  }
  for (const key of CSV_COLUMNS) {
    const i = guessed[key];
    if (key === "measured_on" && saved.oneDate) continue;
    if (columns[key] === undefined && i !== undefined && !taken.has(i)) {
      columns[key] = i;
      taken.add(i);
    }
  }
  return { columns, dateOrder: saved.dateOrder, ...oneDate(columns) };
}

/** What to keep for the team: the mapped columns by header name. */
export function toSavedMapping(table: SheetTable, mapping: ColumnMapping): SavedMapping {
  const columns: Partial<Record<CsvColumn, string>> = {};
  for (const [key, i] of Object.entries(mapping.columns) as [CsvColumn, number][]) {
    const name = table.header[i];
    if (name) columns[key] = name;
  }
  return { columns, dateOrder: mapping.dateOrder, ...(mapping.columns.measured_on === undefined ? { oneDate: true } : {}) };
}

const DMY = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:[ T].*)?$/;
const YMD = /^(\d{4})[./-](\d{1,2})[./-](\d{1,2})(?:[ T].*)?$/;

/** Day first or month first, from the values: a first number over 12 is a day, a second over 12 too. */
export function guessDateOrder(table: SheetTable, column: number | undefined): DateOrder {
  if (column === undefined) return "ymd";
  let dayFirst = false;
  let monthFirst = false;
  let slashed = false;
  for (const r of table.rows.slice(0, 2000)) {
    const m = DMY.exec((r.cells[column] ?? "").trim());
    if (!m) continue;
    slashed = true;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  if (!slashed) return "ymd";
  return monthFirst && !dayFirst ? "mdy" : "dmy";
}

const pad = (s: string) => s.padStart(2, "0");

/** A date cell as YYYY-MM-DD in the chosen order; anything else is returned as it is (and refused later). */
export function toIsoDate(value: string, order: DateOrder): string {
  const v = value.trim();
  const ymd = YMD.exec(v);
  if (ymd) return `${ymd[1]}-${pad(ymd[2]!)}-${pad(ymd[3]!)}`;
  const dmy = DMY.exec(v);
  if (dmy && order !== "ymd") {
    const [day, month] = order === "dmy" ? [dmy[1]!, dmy[2]!] : [dmy[2]!, dmy[1]!];
    return `${dmy[3]}-${pad(month)}-${pad(day)}`;
  }
  return v;
}

/** "Top 5%", "5 %" → "5": the ranks as LinkedIn shows them. */
const rankValue = (v: string) => v.trim().replace(/^top\s*/i, "").replace(/\s*%$/, "");

const RANKS = new Set<CsvColumn>(SSI_FIELDS.filter((f) => f.kind === "rank").map((f) => f.csv));

/** The sheet's rows as snapshot records under this mapping; a problem found while reading travels along. */
export function applyMapping(table: SheetTable, mapping: ColumnMapping): CsvRecord[] {
  const entries = Object.entries(mapping.columns) as [CsvColumn, number][];
  return table.rows.map((row) => {
    const rec: CsvRecord = { line: row.line };
    for (const [key, i] of entries) {
      const raw = (row.cells[i] ?? "").trim();
      if (!raw) continue;
      rec[key] = key === "measured_on" ? toIsoDate(raw, mapping.dateOrder) : RANKS.has(key) ? rankValue(raw) : raw;
    }
    if (mapping.columns.measured_on === undefined && mapping.fixedDate) rec.measured_on = mapping.fixedDate;
    if (row.problem) rec.problems = [row.problem];
    return rec;
  });
}

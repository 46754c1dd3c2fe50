// The CSV format of SSI snapshots, shared by export and import: one row per person per date, ISO dates, UTF-8.
import Papa from "papaparse";
import type { Snapshot, User } from "@/db/schema";
import { isOptional, SSI_FIELDS, type SsiCsvColumn, type SsiFieldKey } from "@/lib/ssi";

/** Who the row is about, then the snapshot's fields in SSI_FIELDS order. */
export type CsvColumn = "email" | "name" | SsiCsvColumn;
export const CSV_COLUMNS: readonly CsvColumn[] = ["email", "name", ...SSI_FIELDS.map((f) => f.csv)];

const REQUIRED: CsvColumn[] = ["email", ...SSI_FIELDS.filter((f) => !isOptional(f)).map((f) => f.csv)];

/** Most rows one import accepts; larger files are refused with a message saying so. */
export const CSV_MAX_ROWS = 50_000;

export const CSV_MESSAGES = {
  empty: "The file is empty: it needs a header row and at least one row of scores.",
  tooMany: (max: number) => `The file has more than ${max.toLocaleString("en-US")} rows. Split it into smaller files and import them one by one.`,
  missingColumns: (cols: string[]) => `The header row is missing ${cols.join(", ")}. The first line must name the columns: ${CSV_COLUMNS.join(",")}.`,
} as const;

export type CsvExportRow = Pick<User, "email" | "name"> & Pick<Snapshot, SsiFieldKey>;

/** One field, quoted when needed (RFC 4180); a leading =, +, - or @ in text is defused for spreadsheets. */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvHeaderLine = () => `${CSV_COLUMNS.join(",")}\r\n`;

export function csvLine(r: CsvExportRow): string {
  return (
    [r.email, r.name, ...SSI_FIELDS.map((f) => r[f.key])]
      .map(csvField)
      .join(",") + "\r\n"
  );
}

/** One row to import; `problems` are what was wrong with the line itself (an unclosed quote, extra fields). */
export type CsvRecord = { line: number; problems?: string[] } & Partial<Record<CsvColumn, string>>;
export type ParsedCsv = { ok: true; rows: CsvRecord[] } | { ok: false; error: string };

/**
 * Reads a snapshots CSV row by row (papaparse's step mode: rows are checked and kept as they stream by, and
 * parsing stops as soon as the file goes over `maxRows`). Header names are matched case-insensitively.
 */
export function parseSnapshotCsv(text: string, maxRows = CSV_MAX_ROWS): ParsedCsv {
  const rows: CsvRecord[] = [];
  let tooMany = false;
  let fields: string[] = [];
  Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase().replace(/\s+/g, "_"),
    step: (result, parser) => {
      if (fields.length === 0) fields = result.meta.fields ?? [];
      if (rows.length >= maxRows) {
        tooMany = true;
        parser.abort();
        return;
      }
      const rec: CsvRecord = { line: rows.length + 2 };
      for (const col of CSV_COLUMNS) {
        const v = result.data[col];
        if (typeof v === "string") rec[col] = v.trim();
      }
      rows.push(rec);
    },
  });
  if (tooMany) return { ok: false, error: CSV_MESSAGES.tooMany(maxRows) };
  if (rows.length === 0) return { ok: false, error: CSV_MESSAGES.empty };
  const missing = REQUIRED.filter((c) => !fields.includes(c));
  if (missing.length) return { ok: false, error: CSV_MESSAGES.missingColumns(missing) };
  return { ok: true, rows };
}

/** The snapshot form's field names for one CSV record, ready for snapshotInputSchema. */
export function csvRecordToInput(r: CsvRecord): Record<string, string | undefined> {
  return Object.fromEntries(SSI_FIELDS.map((f) => [f.key, r[f.csv]]));
}

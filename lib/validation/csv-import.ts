import { isIsoDate } from "@/lib/dates";
import type { CsvColumn } from "@/lib/csv-snapshots";
import { DATE_ORDERS, fieldLabel, MAPPING_FIELDS, type ColumnMapping, type DateOrder } from "@/lib/import-mapping";

/**
 * The largest file the import takes (50,000 rows are about 5 MB). The browser checks it before uploading and
 * the server action again; next.config.js lets requests a little larger than this through the proxy and the
 * server-action body limit, so that a file just over it gets this sentence rather than a cut-off request.
 */
export const CSV_IMPORT_MAX_BYTES = 10 * 1024 * 1024;

export const CSV_TOO_LARGE_MESSAGE = "The file is larger than 10 MB. Split it into smaller files.";

export type ImportStatus = "insert" | "replace" | "unchanged" | "error";

/** A column of the uploaded sheet as the mapping step shows it. */
export type SheetColumn = { index: number; name: string; samples: string[] };

export type ImportState = {
  phase?: "map" | "preview" | "done";
  error?: string;
  fileName?: string;
  /** How the file was read, e.g. "Windows-1252, semicolon-separated, 12 rows". */
  readAs?: string;
  /** The sheet (see lib/spreadsheet/table.ts), sent back with each step so nothing is kept on the server in between. */
  table?: string;
  columns?: SheetColumn[];
  mapping?: ColumnMapping;
  /** True when the mapping came from the team's last import. */
  mappingFromLastImport?: boolean;
  mappingErrors?: Partial<Record<CsvColumn | "person" | "fixedDate", string>>;
  counts?: Record<ImportStatus, number>;
  rows?: { line: number; person: string; measuredOn: string; total: number | null; status: ImportStatus; errors: string[] }[];
  hiddenRows?: number;
};

export const MAPPING_MESSAGES = {
  person: "Choose the column with each person's email address or name.",
  component: (label: string) => `Choose the column with ${label}.`,
  date: "Choose the date column, or one date for every row.",
  fixedDate: "Enter the date of these scores as YYYY-MM-DD, not in the future.",
  twice: (label: string) => `This column is already chosen for ${label}.`,
  tampered: "The column choices don't fit this file. Upload it again.",
} as const;

export type MappingResult = { ok: true; mapping: ColumnMapping } | { ok: false; mapping: ColumnMapping; errors: NonNullable<ImportState["mappingErrors"]> };

/** The mapping chosen on the page (fields `col.<field>`, `fixedDate`, `dateOrder`), checked against the sheet. */
export function parseMappingForm(form: FormData, columnCount: number, today: string): MappingResult {
  const columns: ColumnMapping["columns"] = {};
  const errors: NonNullable<ImportState["mappingErrors"]> = {};
  const usedBy = new Map<number, CsvColumn>();
  let fixed = false;
  for (const { key } of MAPPING_FIELDS) {
    const raw = String(form.get(`col.${key}`) ?? "");
    if (key === "measured_on" && raw === "fixed") {
      fixed = true;
      continue;
    }
    if (raw === "") continue;
    const i = Number(raw);
    if (!Number.isInteger(i) || i < 0 || i >= columnCount) return { ok: false, mapping: { columns, dateOrder: "ymd" }, errors: { person: MAPPING_MESSAGES.tampered } };
    const other = usedBy.get(i);
    if (other) errors[key] = MAPPING_MESSAGES.twice(fieldLabel(other));
    else usedBy.set(i, key);
    columns[key] = i;
  }
  const order = String(form.get("dateOrder") ?? "ymd");
  const dateOrder: DateOrder = order in DATE_ORDERS ? (order as DateOrder) : "ymd";
  const fixedDate = String(form.get("fixedDate") ?? "").trim();
  const mapping: ColumnMapping = { columns, dateOrder, ...(fixed ? { fixedDate } : {}) };
  if (columns.email === undefined && columns.name === undefined) errors.person = MAPPING_MESSAGES.person;
  for (const f of MAPPING_FIELDS) if (f.required && columns[f.key] === undefined) errors[f.key] = MAPPING_MESSAGES.component(f.label);
  if (fixed) {
    if (!isIsoDate(fixedDate) || fixedDate > today || fixedDate < "2014-01-01") errors.fixedDate = MAPPING_MESSAGES.fixedDate;
  } else if (columns.measured_on === undefined) errors.measured_on = MAPPING_MESSAGES.date;
  return Object.keys(errors).length ? { ok: false, mapping, errors } : { ok: true, mapping };
}

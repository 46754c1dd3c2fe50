// A spreadsheet read into rows of text cells, whatever it came from (CSV of any dialect, an Excel sheet).
import Papa from "papaparse";

/** One row of a sheet: `line` is where it is in the file (the header is line 1), as the manager sees it. */
export type TableRow = { line: number; cells: string[]; problem?: string };
export type SheetTable = { header: string[]; rows: TableRow[] };
export type TableResult = { ok: true; table: SheetTable; delimiter?: string } | { ok: false; error: string };

export const TABLE_MESSAGES = {
  empty: "The file is empty: it needs a header row and at least one row of scores.",
  noHeader: "The first line is empty: it must name the columns (for example email, date, SSI).",
  tooMany: (max: number) => `The file has more than ${max.toLocaleString("en-US")} rows. Split it into smaller files and import them one by one.`,
  quotes: 'A quoted field is not closed: expected a closing " before the end of the line.',
  extraCells: (n: number, header: number) => `This line has ${n} fields but the header has ${header}: check for a stray delimiter or quote.`,
} as const;

export const DELIMITER_NAMES: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar" };

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === "");

/**
 * Reads CSV text: the delimiter is Excel's "sep=" first line when present, otherwise guessed from the text
 * (comma, semicolon, tab or bar). Stops as soon as the file goes over `maxRows` rows.
 */
export function readCsvTable(text: string, maxRows: number): TableResult {
  let body = text;
  let firstLine = 1;
  let delimiter: string | undefined;
  const sep = /^sep=(.)\r?\n/i.exec(body);
  if (sep) {
    delimiter = sep[1];
    body = body.slice(sep[0].length);
    firstLine = 2;
  }
  let header: string[] | null = null;
  const rows: TableRow[] = [];
  let tooMany = false;
  let record = 0;
  const parsed = Papa.parse<string[]>(body, {
    delimiter: delimiter ?? "",
    delimitersToGuess: [",", ";", "\t", "|"],
    skipEmptyLines: false,
    step: (result, parser) => {
      const cells = result.data.map((c) => c ?? "");
      const line = firstLine + record++;
      if (header === null) {
        header = cells;
        return;
      }
      if (isBlank(cells)) return;
      if (rows.length >= maxRows) {
        tooMany = true;
        parser.abort();
        return;
      }
      const row: TableRow = { line, cells };
      const quoteError = result.errors.find((e) => e.type === "Quotes");
      const extra = cells.slice(header.length);
      if (quoteError) row.problem = TABLE_MESSAGES.quotes;
      else if (extra.some((c) => c.trim() !== "")) row.problem = TABLE_MESSAGES.extraCells(cells.length, header.length);
      rows.push(row);
    },
  });
  if (tooMany) return { ok: false, error: TABLE_MESSAGES.tooMany(maxRows) };
  const head: string[] = header ?? [];
  if (head.length === 0 || isBlank(head)) return { ok: false, error: rows.length ? TABLE_MESSAGES.noHeader : TABLE_MESSAGES.empty };
  if (rows.length === 0) return { ok: false, error: TABLE_MESSAGES.empty };
  return { ok: true, table: { header: head.map((h) => h.trim()), rows }, delimiter: delimiter ?? parsed.meta.delimiter };
}

/*
 * The table travels from the preview back to the confirmation inside the page (nothing is kept on the server
 * in between), as CSV with two leading columns: the line number and any problem found while reading.
 */
export function tableToText(table: SheetTable): string {
  return Papa.unparse([["line", "problem", ...table.header], ...table.rows.map((r) => [String(r.line), r.problem ?? "", ...r.cells])], { newline: "\n" });
}

/** The table sent back by the page, or null when it is not one (the page was tampered with). */
export function tableFromText(text: string, maxRows: number): SheetTable | null {
  const parsed = Papa.parse<string[]>(text, { delimiter: ",", skipEmptyLines: true });
  const [head, ...body] = parsed.data;
  if (!head || head[0] !== "line" || head[1] !== "problem" || body.length > maxRows || parsed.errors.some((e) => e.type === "Quotes")) return null;
  const rows: TableRow[] = [];
  for (const [line, problem, ...cells] of body) {
    const n = Number(line);
    if (!Number.isSafeInteger(n) || n < 1) return null;
    rows.push(problem ? { line: n, cells, problem } : { line: n, cells });
  }
  return { header: head.slice(2), rows };
}

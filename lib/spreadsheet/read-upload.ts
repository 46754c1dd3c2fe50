// An uploaded spreadsheet, CSV or .xlsx, told apart by its bytes rather than its name, read into a table.
import { decodeCsvBytes } from "./decode";
import { DELIMITER_NAMES, readCsvTable, type SheetTable } from "./table";
import { looksLikeXlsx, readXlsxTable } from "./xlsx";

export type UploadResult = { ok: true; table: SheetTable; readAs: string } | { ok: false; error: string };

const rowsPhrase = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "row" : "rows"}`;

/** The table in an uploaded file and how it was read ("UTF-16 LE, tab-separated, 40 rows"), or why it can't be. */
export async function readUpload(bytes: Uint8Array, maxRows: number): Promise<UploadResult> {
  if (looksLikeXlsx(bytes)) {
    const r = await readXlsxTable(bytes, maxRows);
    if (!r.ok) return r;
    return { ok: true, table: r.table, readAs: `Excel workbook, sheet “${r.sheet}”, ${rowsPhrase(r.table.rows.length)}` };
  }
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return decoded;
  const r = readCsvTable(decoded.text, maxRows);
  if (!r.ok) return r;
  const sep = r.delimiter ? DELIMITER_NAMES[r.delimiter] : undefined;
  return { ok: true, table: r.table, readAs: `CSV, ${decoded.encoding}${sep ? `, ${sep}-separated` : ""}, ${rowsPhrase(r.table.rows.length)}` };
}

// Reads the first sheet with data of an Excel workbook (.xlsx) into a table of text cells, with exceljs.
import ExcelJS from "exceljs";
import { TABLE_MESSAGES, type TableResult, type TableRow } from "./table";

export const XLSX_MESSAGES = {
  unreadable: "The file could not be read as an Excel workbook (.xlsx): it may be damaged or password-protected. Open it in Excel and save it again, or save it as CSV.",
  tooLargeInside: (mb: number) => `The workbook unpacks to more than ${mb} MB. Delete the sheets and columns you don't import, or save it as CSV.`,
} as const;

/** How much a workbook may unpack to: a 10 MB .xlsx of scores unpacks to well under this; a zip bomb does not. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** True when the bytes are a zip file (an .xlsx is one). */
export const looksLikeXlsx = isZip;

/**
 * The sum of the entries' unpacked sizes, read from the zip's central directory before anything is unpacked;
 * null when the directory cannot be read (or uses ZIP64, which no workbook of scores needs).
 */
export function unpackedZipSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const from = Math.max(0, bytes.length - 22 - 65_535);
  for (let i = bytes.length - 22; i >= from; i--) {
    if (view.getUint32(i, true) !== 0x06054b50) continue;
    const entries = view.getUint16(i + 10, true);
    let at = view.getUint32(i + 16, true);
    let total = 0;
    for (let e = 0; e < entries; e++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
      const size = view.getUint32(at + 24, true);
      if (size === 0xffffffff) return null;
      total += size;
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return total;
  }
  return null;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** A cell as the text a person sees in it: formulas by their result, dates as YYYY-MM-DD, percentages as 12 for 12%. */
function cellText(cell: ExcelJS.Cell): string {
  let v: ExcelJS.CellValue = cell.value;
  if (v && typeof v === "object" && !(v instanceof Date)) {
    if ("result" in v) v = v.result ?? null;
    else if ("richText" in v) v = v.richText.map((t) => t.text).join("");
    else if ("hyperlink" in v) v = typeof v.text === "string" ? v.text : ((v.text as unknown as ExcelJS.CellRichTextValue)?.richText?.map((t) => t.text).join("") ?? "");
    else if ("error" in v) return v.error;
  }
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return iso(v);
  if (typeof v === "number") return String(cell.numFmt?.includes("%") ? Math.round(v * 100 * 1e6) / 1e6 : v);
  if (typeof v === "object" && "error" in v) return v.error;
  return String(v);
}

/** The first sheet that has any cells, as a table; rows past `maxRows` make it a refusal. */
export async function readXlsxTable(bytes: Uint8Array, maxRows: number): Promise<TableResult & { sheet?: string }> {
  const unpacked = unpackedZipSize(bytes);
  if (unpacked === null) return { ok: false, error: XLSX_MESSAGES.unreadable };
  if (unpacked > MAX_UNPACKED_BYTES) return { ok: false, error: XLSX_MESSAGES.tooLargeInside(MAX_UNPACKED_BYTES / 1024 / 1024) };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, error: XLSX_MESSAGES.unreadable };
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return { ok: false, error: TABLE_MESSAGES.empty };
  let header: string[] | null = null;
  const rows: TableRow[] = [];
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (tooMany) return;
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells[c - 1] = cellText(row.getCell(c)).trim();
    if (cells.every((c) => c === "")) return;
    if (header === null) {
      header = cells;
      return;
    }
    if (rows.length >= maxRows) {
      tooMany = true;
      return;
    }
    rows.push({ line: rowNumber, cells });
  });
  if (tooMany) return { ok: false, error: TABLE_MESSAGES.tooMany(maxRows) };
  if (!header || rows.length === 0) return { ok: false, error: TABLE_MESSAGES.empty };
  return { ok: true, table: { header, rows }, sheet: sheet.name };
}

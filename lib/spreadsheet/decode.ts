/*
 * Turns the bytes of an uploaded CSV into text, whatever encoding Excel or another program wrote it in:
 * UTF-8 (with or without a byte-order mark), UTF-16 little- or big-endian (Excel's "Unicode Text", with or
 * without a mark), and Windows-1252 (Excel's "CSV" on Western Windows), which is what is left when the bytes are
 * not valid UTF-8.
 */

export type TextEncodingName = "UTF-8" | "UTF-16 LE" | "UTF-16 BE" | "Windows-1252";

export type DecodedText = { ok: true; text: string; encoding: TextEncodingName } | { ok: false; error: string };

export const DECODE_MESSAGES = {
  binary: "The file is not text: choose a CSV file or an Excel workbook (.xlsx).",
  oldExcel: "Excel 97–2003 workbooks (.xls) can't be read. In Excel, choose File → Save As → Excel Workbook (.xlsx) or CSV, and upload that.",
} as const;

/*
 * Windows-1252 by hand: Node's TextDecoder("windows-1252") decodes as Latin-1 (bytes 0x80–0x9F become control
 * characters instead of € ‚ „ … “ ” and the rest), so those 32 bytes are mapped here.
 */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const part = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(part, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)));
  }
  return out;
}

const decode = (label: string, bytes: Uint8Array, fatal = false) => new TextDecoder(label, { fatal, ignoreBOM: false }).decode(bytes);

/** UTF-16 without a mark: most Western text has a zero in every other byte (which one tells the byte order). */
function utf16Order(bytes: Uint8Array): "le" | "be" | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return "le";
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return "be";
  return null;
}

/** The text of a CSV upload and the encoding it was read with, or why it is not text. */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  const [a, b, c] = bytes;
  if (a === 0xd0 && b === 0xcf && c === 0x11) return { ok: false, error: DECODE_MESSAGES.oldExcel };
  let result: { text: string; encoding: TextEncodingName } | null = null;
  if (a === 0xef && b === 0xbb && c === 0xbf) result = { text: decode("utf-8", bytes), encoding: "UTF-8" };
  else if (a === 0xff && b === 0xfe) result = { text: decode("utf-16le", bytes), encoding: "UTF-16 LE" };
  else if (a === 0xfe && b === 0xff) result = { text: decode("utf-16be", bytes), encoding: "UTF-16 BE" };
  else {
    const order = utf16Order(bytes);
    if (order === "le") result = { text: decode("utf-16le", bytes), encoding: "UTF-16 LE" };
    else if (order === "be") result = { text: decode("utf-16be", bytes), encoding: "UTF-16 BE" };
    else {
      try {
        result = { text: decode("utf-8", bytes, true), encoding: "UTF-8" };
      } catch {
        result = { text: decodeWindows1252(bytes), encoding: "Windows-1252" };
      }
    }
  }
  // The decoders drop a leading mark already; a stray one (a file glued from two) would end up in a header name.
  const text = result.text.replace(/^\ufeff/, "");
  // A NUL or other control characters in quantity: an image, a PDF, a zip that is not a workbook.
  const controls = text.slice(0, 4096).match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (controls > 0 && controls > Math.min(text.length, 4096) * 0.01) return { ok: false, error: DECODE_MESSAGES.binary };
  return { ok: true, text, encoding: result.encoding };
}

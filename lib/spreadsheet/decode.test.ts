import { describe, expect, it } from "vitest";
import { decodeCsvBytes, DECODE_MESSAGES } from "./decode";
import { readCsvTable, TABLE_MESSAGES, tableFromText, tableToText } from "./table";
import { unpackedZipSize } from "./xlsx";

const TEXT = "Name;Professional brand\r\nJoão Müller;18,52\r\n";
const utf16le = (s: string, bom = true) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(s, "utf16le")]);
const utf16be = (s: string) => {
  const le = Buffer.from(s, "utf16le");
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};
// "João Müller" in Windows-1252: ã is E3, ü is FC (neither is valid UTF-8 on its own).
const cp1252 = Buffer.from("Name;Professional brand\r\nJo\xe3o M\xfcller;18,52\r\n", "latin1");

describe("decoding an upload", () => {
  it.each([
    ["UTF-8", Buffer.from(TEXT, "utf8")],
    ["UTF-8", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, "utf8")])],
    ["UTF-16 LE", utf16le(TEXT)],
    ["UTF-16 LE", utf16le(TEXT, false)],
    ["UTF-16 BE", utf16be(TEXT)],
    ["Windows-1252", cp1252],
  ])("reads %s text with its accents and without a byte-order mark in the first header", (encoding, bytes) => {
    const r = decodeCsvBytes(new Uint8Array(bytes));
    expect(r).toEqual({ ok: true, text: TEXT, encoding });
  });

  it("reads Windows-1252's curly quotes and euro sign, which Latin-1 would not", () => {
    const r = decodeCsvBytes(new Uint8Array([0x93, 0x41, 0x94, 0x20, 0x80]));
    expect(r.ok && r.text).toBe("“A” €");
  });

  it("refuses binary files and old .xls workbooks with a sentence saying what to do", () => {
    expect(decodeCsvBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toEqual({ ok: false, error: DECODE_MESSAGES.oldExcel });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 2, 0, 0, 0]);
    expect(decodeCsvBytes(png)).toEqual({ ok: false, error: DECODE_MESSAGES.binary });
  });
});

describe("reading CSV of any dialect", () => {
  it("guesses comma, semicolon, tab and bar, keeping quoted delimiters and line breaks inside fields", () => {
    for (const d of [",", ";", "\t", "|"]) {
      const r = readCsvTable(`email${d}note${d}brand\na@x.test${d}"one${d} two\nthree"${d}18.5\n`, 10);
      expect(r).toEqual({ ok: true, delimiter: d, table: { header: ["email", "note", "brand"], rows: [{ line: 2, cells: ["a@x.test", `one${d} two\nthree`, "18.5"] }] } });
    }
  });

  it("honours Excel's sep= line and counts lines as the file has them, skipping blank ones", () => {
    const r = readCsvTable("sep=;\nemail;brand\n\na@x.test;1,5\n;\nb@x.test;2\n", 10);
    expect(r.ok && r.table.rows.map((x) => [x.line, x.cells])).toEqual([
      [4, ["a@x.test", "1,5"]],
      [6, ["b@x.test", "2"]],
    ]);
  });

  it("marks a line with an unclosed quote or extra fields, and refuses empty or oversized files", () => {
    const r = readCsvTable('email,brand\na@x.test,1,2,3\nb@x.test,"2\n', 10);
    expect(r.ok && r.table.rows.map((x) => [x.line, x.problem])).toEqual([
      [2, TABLE_MESSAGES.extraCells(4, 2)],
      [3, TABLE_MESSAGES.quotes],
    ]);
    // Trailing empty fields, as Excel writes them, are no problem.
    expect(readCsvTable("email,brand\na@x.test,1,,\n", 10)).toMatchObject({ ok: true, table: { rows: [{ line: 2, cells: ["a@x.test", "1", "", ""] }] } });
    expect(readCsvTable("", 10)).toEqual({ ok: false, error: TABLE_MESSAGES.empty });
    expect(readCsvTable("email,brand\n", 10)).toEqual({ ok: false, error: TABLE_MESSAGES.empty });
    expect(readCsvTable("email\na\nb\nc\n", 2)).toEqual({ ok: false, error: TABLE_MESSAGES.tooMany(2) });
  });

  it("round-trips a table through the page unchanged, and refuses one that was tampered with", () => {
    const table = { header: ["E-mail", 'Say "hi"'], rows: [{ line: 3, cells: ["a@x.test", "x,\ny"], problem: TABLE_MESSAGES.quotes }, { line: 7, cells: ["b", ""] }] };
    expect(tableFromText(tableToText(table), 10)).toEqual(table);
    expect(tableFromText("email,brand\na,1", 10)).toBeNull();
    expect(tableFromText('line,problem,a\n"x",,1', 10)).toBeNull();
    expect(tableFromText(tableToText(table), 1)).toBeNull();
  });
});

describe("zip sizes", () => {
  it("reads the unpacked size from the central directory, and gives up on what is not a zip", () => {
    expect(unpackedZipSize(new Uint8Array(100))).toBeNull();
  });
});

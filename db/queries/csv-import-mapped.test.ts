// Spreadsheets in the dialects Excel and Sales Navigator write, read, mapped and imported end to end: the same
// path the import page takes (readUpload → initialMapping → applyMapping → preview / apply).
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { setupTestDatabase } from "../testing/test-db";
import { addMember, makeSnapshot, makeTeam, makeUser } from "../testing/factories";
import { snapshots } from "../schema";
import { applySnapshotImport, IMPORT_MESSAGES, previewSnapshotImport } from "./csv-import";
import { getImportMapping } from "./import-mappings";
import { applyMapping, initialMapping, toSavedMapping, type ColumnMapping } from "@/lib/import-mapping";
import { readUpload } from "@/lib/spreadsheet/read-upload";
import type { SheetTable } from "@/lib/spreadsheet/table";

const t = setupTestDatabase();
const TODAY = "2025-03-14";

async function people() {
  const manager = await makeUser({ name: "Manager" });
  const team = await makeTeam(manager.id);
  const joao = await makeUser({ name: "João Müller", email: `joao-${crypto.randomUUID()}@example.test` });
  const zoe = await makeUser({ name: "Zoë O’Brien", email: `zoe-${crypto.randomUUID()}@example.test` });
  await addMember(team.id, joao.id);
  await addMember(team.id, zoe.id);
  return { manager, team, joao, zoe };
}

async function read(bytes: Uint8Array) {
  const r = await readUpload(bytes, 50_000);
  if (!r.ok) throw new Error(r.error);
  return r;
}

const stored = (userId: string) =>
  t
    .db()
    .select({ measuredOn: snapshots.measuredOn, total: snapshots.total, brand: snapshots.brand, people: snapshots.people, industryRank: snapshots.industryRank, source: snapshots.source })
    .from(snapshots)
    .where(eq(snapshots.userId, userId))
    .orderBy(snapshots.measuredOn);

const preview = async (team: Awaited<ReturnType<typeof makeTeam>>, table: SheetTable, mapping: ColumnMapping) =>
  previewSnapshotImport(team.owner, applyMapping(table, mapping), TODAY, { personBy: mapping.columns.email !== undefined ? "email" : "name" });

describe(`Mapped spreadsheet import on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("reads a semicolon-separated Windows-1252 file with decimal commas and day-first dates, matching people by name", async () => {
    const { team, joao, zoe } = await people();
    const lines = [
      "Nom;Date;SSI;Professional brand;Find the right people;Engage with insights;Build relationships;Industry SSI rank",
      "João Müller;10/03/2025;70,97;18,52;16,30;14,75;21,40;Top 3%",
      "ZOË  O’BRIEN;13/03/2025;50;12,5;12,5;12,5;12,5;",
      "Nobody Here;13/03/2025;50;12,5;12,5;12,5;12,5;",
      "João Müller;31/02/2025;50;12,5;12,5;12,5;12,5;",
    ];
    // Windows-1252 as Excel writes it on a French or German PC: ã = E3, ü = FC, Ë = CB, ’ = 92.
    const bytes = Buffer.from(lines.join("\r\n").replace(/’/g, "\x92"), "latin1");
    const { table, readAs } = await read(new Uint8Array(bytes));
    expect(readAs).toBe("CSV, Windows-1252, semicolon-separated, 4 rows");
    const mapping = initialMapping(table, null, TODAY);
    expect(mapping).toEqual({ columns: { measured_on: 1, total: 2, brand: 3, people: 4, insights: 5, relationships: 6, industry_rank: 7 }, dateOrder: "dmy" });
    // "Nom" is not a name the guess knows: the manager picks it on the page.
    mapping.columns.name = 0;
    const p = await preview(team, table, mapping);
    expect(p.rows.map((r) => [r.line, r.name, r.measuredOn, r.status, r.errors])).toEqual([
      [2, "João Müller", "2025-03-10", "insert", []],
      [3, "ZOË O’BRIEN", "2025-03-13", "insert", []],
      [4, "Nobody Here", "2025-03-13", "error", [IMPORT_MESSAGES.noNameMatch("Nobody Here")]],
      [5, "João Müller", "2025-02-31", "error", ["That date doesn't exist: check the day and month."]],
    ]);
    const done = await applySnapshotImport(team.owner, applyMapping(table, mapping), TODAY, { personBy: "name", saveMapping: toSavedMapping(table, mapping) });
    expect(done.counts).toEqual({ insert: 2, replace: 0, unchanged: 0, error: 2 });
    expect(await stored(joao.id)).toEqual([{ measuredOn: "2025-03-10", total: 70.97, brand: 18.52, people: 16.3, industryRank: 3, source: "csv" }]);
    expect((await stored(zoe.id)).map((s) => s.total)).toEqual([50]);
    // Next week's file from the same spreadsheet maps the same, "Nom" included.
    expect(await getImportMapping(team.owner)).toEqual({
      columns: { name: "Nom", measured_on: "Date", total: "SSI", brand: "Professional brand", people: "Find the right people", insights: "Engage with insights", relationships: "Build relationships", industry_rank: "Industry SSI rank" },
      dateOrder: "dmy",
    });
    expect(initialMapping(table, await getImportMapping(team.owner), TODAY)).toEqual(mapping);
  });

  it("reads a tab-separated UTF-16 LE file with a byte-order mark and one date for every row", async () => {
    const { team, joao, zoe } = await people();
    const text = [
      "Seat holder\tEmail\tSSI\tProfessional brand\tFind the right people\tEngage with insights\tBuild relationships",
      `João Müller\t${joao.email.toUpperCase()}\t71\t18.52\t16.3\t14.75\t21.4`,
      `Zoë O’Brien\t${zoe.email}\t90\t12.5\t12.5\t12.5\t12.5`,
    ].join("\r\n");
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const { table, readAs } = await read(new Uint8Array(bytes));
    expect(readAs).toBe("CSV, UTF-16 LE, tab-separated, 2 rows");
    const mapping = initialMapping(table, null, TODAY);
    expect(mapping).toEqual({ columns: { name: 0, email: 1, total: 2, brand: 3, people: 4, insights: 5, relationships: 6 }, dateOrder: "ymd", fixedDate: TODAY });
    mapping.fixedDate = "2025-03-07";
    const p = await preview(team, table, mapping);
    expect(p.rows.map((r) => [r.line, r.email, r.measuredOn, r.status, r.errors])).toEqual([
      // LinkedIn shows the total rounded: 71 for 70.97 is within the tolerance.
      [2, joao.email, "2025-03-07", "insert", []],
      [3, zoe.email, "2025-03-07", "error", ["Total must equal the sum of the four components (±0.5)."]],
    ]);
    await applySnapshotImport(team.owner, applyMapping(table, mapping), TODAY, { personBy: "email", saveMapping: toSavedMapping(table, mapping) });
    expect((await stored(joao.id)).map((s) => [s.measuredOn, s.total])).toEqual([["2025-03-07", 71]]);
    expect((await getImportMapping(team.owner))?.oneDate).toBe(true);
  });

  it("reads a plain comma-separated UTF-8 file, replacing and leaving unchanged what is stored, with line problems reported", async () => {
    const { team, joao } = await people();
    await makeSnapshot(joao.id, "2025-03-01", 40);
    await makeSnapshot(joao.id, "2025-03-02", 44);
    const text = [
      "E-mail,Measured on,Brand,People,Insights,Relationships",
      `${joao.email},2025-03-01,12.5,12.5,12.5,12.5`,
      `${joao.email},2025-03-02,11,11,11,11`,
      `${joao.email},2025-03-03,11,11,11,11,99`,
      `,2025-03-04,11,11,11,11`,
    ].join("\n");
    const { table } = await read(new Uint8Array(Buffer.from(text, "utf8")));
    const mapping = initialMapping(table, null, TODAY);
    const p = await preview(team, table, mapping);
    expect(p.rows.map((r) => [r.line, r.status, r.errors])).toEqual([
      [2, "replace", []],
      [3, "unchanged", []],
      [4, "error", ["This line has 7 fields but the header has 6: check for a stray delimiter or quote."]],
      [5, "error", [IMPORT_MESSAGES.noEmail]],
    ]);
  });

  it("reads an Excel workbook: numbers, dates and percentages as cells, mailto links, formulas by their result", async () => {
    const { team, joao, zoe } = await people();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Empty");
    const ws = wb.addWorksheet("Usage report");
    ws.addRow(["Name", "Email", "Date", "Total", "Professional brand", "Find the right people", "Engage with insights", "Build relationships", "Industry rank", "Network rank"]);
    const r1 = ws.addRow(["João Müller", { text: joao.email, hyperlink: `mailto:${joao.email}` }, new Date(Date.UTC(2025, 2, 10)), null, 18.52, 16.3, 14.75, 21.4, 0.03, 0.12]);
    r1.getCell(4).value = { formula: "SUM(E2:H2)", result: 70.97 };
    r1.getCell(9).numFmt = "0%";
    r1.getCell(10).numFmt = "0%";
    ws.addRow([]);
    ws.addRow(["Zoë O’Brien", zoe.email, "2025-03-11", 50, 12.5, 12.5, 12.5, 12.5, null, null]);
    ws.addRow(["Nobody", "nobody@example.test", "2025-03-11", 50, 12.5, 12.5, 12.5, 12.5, null, null]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());

    const { table, readAs } = await read(bytes);
    expect(readAs).toBe("Excel workbook, sheet “Usage report”, 3 rows");
    const mapping = initialMapping(table, null, TODAY);
    expect(mapping.columns).toEqual({ name: 0, email: 1, measured_on: 2, total: 3, brand: 4, people: 5, insights: 6, relationships: 7, industry_rank: 8, network_rank: 9 });
    const p = await preview(team, table, mapping);
    expect(p.rows.map((r) => [r.line, r.email, r.measuredOn, r.status, r.errors])).toEqual([
      [2, joao.email, "2025-03-10", "insert", []],
      [4, zoe.email, "2025-03-11", "insert", []],
      [5, "nobody@example.test", "2025-03-11", "error", [IMPORT_MESSAGES.notMember]],
    ]);
    await applySnapshotImport(team.owner, applyMapping(table, mapping), TODAY, { personBy: "email" });
    expect(await stored(joao.id)).toEqual([{ measuredOn: "2025-03-10", total: 70.97, brand: 18.52, people: 16.3, industryRank: 3, source: "csv" }]);
  });

  it("refuses a name shared by two members, and a workbook that is damaged", async () => {
    const { manager, team } = await people();
    const twin = await makeUser({ name: "Sam Lee" });
    const twin2 = await makeUser({ name: "sam lee" });
    await addMember(team.id, twin.id);
    await addMember(team.id, twin2.id);
    const table: SheetTable = { header: ["Name", "Brand", "People", "Insights", "Relationships"], rows: [{ line: 2, cells: ["Sam Lee", "1", "1", "1", "1"] }] };
    const p = await preview(team, table, { columns: { name: 0, brand: 1, people: 2, insights: 3, relationships: 4 }, dateOrder: "ymd", fixedDate: TODAY });
    expect(p.rows[0]!.errors).toEqual([IMPORT_MESSAGES.severalNamed("Sam Lee", 2)]);
    const damaged = await readUpload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 10);
    expect(damaged).toEqual({ ok: false, error: expect.stringContaining("could not be read as an Excel workbook") });
    void manager;
  });
});

import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { setupTestDatabase } from "../testing/test-db";
import { addMember, makeSnapshot, makeTeam, makeUser } from "../testing/factories";
import { auditLog, snapshots } from "../schema";
import { applySnapshotImport, IMPORT_MESSAGES, previewSnapshotImport } from "./csv-import";
import { exportTeamSnapshots } from "./csv-export";
import { csvHeaderLine, csvLine, CSV_MESSAGES, parseSnapshotCsv } from "@/lib/csv-snapshots";
import { SNAPSHOT_MESSAGES } from "@/lib/validation/snapshot";

const t = setupTestDatabase();
const TODAY = "2025-03-14";

function csv(lines: string[]) {
  const parsed = parseSnapshotCsv(["email,name,measured_on,total,brand,people,insights,relationships,industry_rank,network_rank,industry_avg,network_avg", ...lines].join("\n"));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rows;
}

async function storedFor(userId: string) {
  return t
    .db()
    .select({ measuredOn: snapshots.measuredOn, total: snapshots.total, brand: snapshots.brand, industryAvg: snapshots.industryAvg, enteredBy: snapshots.enteredBy, source: snapshots.source })
    .from(snapshots)
    .where(eq(snapshots.userId, userId))
    .orderBy(snapshots.measuredOn);
}

describe(`CSV import on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("previews every row with its outcome or the reason it is refused, and writes nothing", async () => {
    const manager = await makeUser({ name: "Manager" });
    const team = await makeTeam(manager.id);
    const ana = await makeUser({ name: "Ana", email: "ana-import@example.test" });
    await addMember(team.id, ana.id);
    const outsider = await makeUser({ email: "outsider-import@example.test" });
    await makeSnapshot(ana.id, "2025-03-01", 40);
    await makeSnapshot(ana.id, "2025-03-02", 44);

    const rows = csv([
      "ANA-import@example.test,Ana,2025-03-10,60,15,15,15,15,5,3,45,50", // new date: insert
      "ana-import@example.test,Ana,2025-03-01,50,12.5,12.5,12.5,12.5,,,,", // differs from the stored 40: replace
      "ana-import@example.test,Ana,2025-03-02,44,11,11,11,11,,,,", // same as stored: unchanged
      "nobody@example.test,X,2025-03-10,60,15,15,15,15,,,,",
      "outsider-import@example.test,O,2025-03-10,60,15,15,15,15,,,,",
      "ana-import@example.test,Ana,2025-03-11,60,26,15,15,4,,,,",
      "ana-import@example.test,Ana,2025-02-30,60,15,15,15,15,,,,",
      "ana-import@example.test,Ana,2025-03-12,80,15,15,15,15,,,,",
      "ana-import@example.test,Ana,2099-01-01,60,15,15,15,15,,,,",
      "ana-import@example.test,Ana,2025-03-10,61,15,15,15,16,,,,", // same person and date as the first row
    ]);
    const preview = await previewSnapshotImport(team.owner, rows, TODAY);
    expect(preview.rows.map((r) => [r.line, r.status, r.errors])).toEqual([
      [2, "insert", []],
      [3, "replace", []],
      [4, "unchanged", []],
      // Nobody has this address / someone outside the team has it: the same words, so a preview reveals no account.
      [5, "error", ["No member of this team has this email address."]],
      [6, "error", ["No member of this team has this email address."]],
      [7, "error", ["Establish your professional brand must be between 0 and 25."]],
      [8, "error", [SNAPSHOT_MESSAGES.dateNotReal]],
      [9, "error", [SNAPSHOT_MESSAGES.totalMismatch]],
      [10, "error", [SNAPSHOT_MESSAGES.dateFuture]],
      [11, "error", [IMPORT_MESSAGES.duplicate(2)]],
    ]);
    expect(preview.counts).toEqual({ insert: 1, replace: 1, unchanged: 1, error: 7 });
    expect((await storedFor(ana.id)).map((s) => [s.measuredOn, s.total])).toEqual([
      ["2025-03-01", 40],
      ["2025-03-02", 44],
    ]);
    void outsider;
  });

  it("writes the valid rows in one go, marked as the manager's, and a second import of the same file changes nothing", async () => {
    const manager = await makeUser({ name: "Manager" });
    const team = await makeTeam(manager.id);
    const ben = await makeUser({ name: "Ben", email: "ben-import@example.test" });
    await addMember(team.id, ben.id);
    await makeSnapshot(ben.id, "2025-03-01", 40);
    const rows = csv([
      "ben-import@example.test,Ben,2025-03-01,50,12.5,12.5,12.5,12.5,,,,",
      "ben-import@example.test,Ben,2025-03-08,70.97,18.52,16.3,14.75,21.4,3,1,45.5,",
      "nobody@example.test,X,2025-03-10,60,15,15,15,15,,,,",
    ]);
    const first = await applySnapshotImport(team.owner, rows, TODAY);
    expect(first.counts).toEqual({ insert: 1, replace: 1, unchanged: 0, error: 1 });
    expect(await storedFor(ben.id)).toEqual([
      { measuredOn: "2025-03-01", total: 50, brand: 12.5, industryAvg: null, enteredBy: manager.id, source: "csv" },
      { measuredOn: "2025-03-08", total: 70.97, brand: 18.52, industryAvg: 45.5, enteredBy: manager.id, source: "csv" },
    ]);
    const audit = await t.db().select({ action: auditLog.action, subjectId: auditLog.subjectId }).from(auditLog).where(eq(auditLog.action, "snapshot.import"));
    expect(audit.filter((a) => a.subjectId === ben.id)).toHaveLength(1);

    const again = await applySnapshotImport(team.owner, rows, TODAY);
    expect(again.counts).toEqual({ insert: 0, replace: 0, unchanged: 2, error: 1 });
    expect((await storedFor(ben.id)).map((s) => s.total)).toEqual([50, 70.97]);
  });

  it("round-trips: a team's export imports into another team unchanged", async () => {
    const owner = await makeUser();
    const from = await makeTeam(owner.id);
    const to = await makeTeam(owner.id);
    const cal = await makeUser({ name: 'Cal "The Closer", Jr.', email: "cal-import@example.test" });
    await addMember(from.id, cal.id);
    await addMember(to.id, cal.id);
    await makeSnapshot(cal.id, "2025-03-03", { brand: 18.52, people: 16.3, insights: 14.75, relationships: 21.4 });
    await makeSnapshot(cal.id, "2025-03-10", 55);
    let text = csvHeaderLine();
    for await (const page of exportTeamSnapshots(from.owner, { from: "2025-03-01", to: TODAY })) text += page.map(csvLine).join("");
    expect(text.split("\r\n")[1]).toBe('cal-import@example.test,"Cal ""The Closer"", Jr.",2025-03-03,70.97,18.52,16.3,14.75,21.4,,,,');
    const parsed = parseSnapshotCsv(text);
    expect(parsed.ok).toBe(true);
    const result = await previewSnapshotImport(to.owner, parsed.ok ? parsed.rows : [], TODAY);
    // The snapshots belong to the person, so the other team sees them already: importing them changes nothing.
    expect(result.counts).toEqual({ insert: 0, replace: 0, unchanged: 2, error: 0 });
  });
});

describe("CSV parsing", () => {
  it("refuses files over the row limit, without a header, or empty", () => {
    const header = "email,measured_on,brand,people,insights,relationships";
    const many = [header, ...Array.from({ length: 6 }, () => "a@b.test,2025-01-01,1,1,1,1")].join("\n");
    expect(parseSnapshotCsv(many, 5)).toEqual({ ok: false, error: CSV_MESSAGES.tooMany(5) });
    expect(parseSnapshotCsv(many, 6).ok).toBe(true);
    expect(parseSnapshotCsv("email,date\na@b.test,2025-01-01")).toEqual({
      ok: false,
      error: CSV_MESSAGES.missingColumns(["measured_on", "brand", "people", "insights", "relationships"]),
    });
    expect(parseSnapshotCsv("")).toEqual({ ok: false, error: CSV_MESSAGES.empty });
  });

  it("reads a UTF-8 file with a byte-order mark, quoted fields and upper-case headers", () => {
    const parsed = parseSnapshotCsv('\ufeffEmail,Name,Measured_On,Brand,People,Insights,Relationships\r\nzoë@example.test,"Zoë, ""Z""",2025-01-01,1,2,3,4\r\n');
    expect(parsed).toEqual({
      ok: true,
      rows: [{ line: 2, email: "zoë@example.test", name: 'Zoë, "Z"', measured_on: "2025-01-01", brand: "1", people: "2", insights: "3", relationships: "4" }],
    });
  });
});

import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, snapshots } from "../schema";
import { setupTestDatabase } from "../testing/test-db";
import { addMember, makeSnapshot, makeTeam, makeUser, snapshotInput } from "../testing/factories";
import { listTeamAudit } from "./audit";
import { deleteSnapshot, getSnapshot, listSnapshotsForUser, upsertSnapshot } from "./snapshots";
import type { SnapshotInput } from "@/lib/validation/snapshot";

const t = setupTestDatabase();

const rowsOf = (userId: string) => t.db().select().from(snapshots).where(eq(snapshots.userId, userId));
const auditFor = async (userId: string) =>
  t.db().select({ action: auditLog.action, teamId: auditLog.teamId, actorId: auditLog.actorId, details: auditLog.details }).from(auditLog).where(eq(auditLog.subjectId, userId));

/** The database's own complaint, wherever the driver put it (Drizzle wraps it as the cause). */
async function violation(p: Promise<unknown>): Promise<string> {
  const err = await p.then(() => null, (e: unknown) => e as Error & { cause?: Error });
  return err ? `${err.message} ${err.cause?.message ?? ""}` : "no error";
}

describe(`snapshots on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("stores a snapshot with all its figures, unaudited when people enter their own", async () => {
    const rep = await makeUser();
    const input = snapshotInput("2025-02-10", { brand: 18.52, people: 12.4, insights: 9.75, relationships: 20.333 }, { industryRank: "3", networkRank: "12.5", industryAvg: "24", networkAvg: "31.2" });
    const { replaced, saved } = await upsertSnapshot(rep.id, input);
    expect(replaced).toBe(false);
    // The write hands back the stored row, as a read of it gives it.
    const { enteredByName: _n, ...stored } = (await getSnapshot(rep.id, "2025-02-10"))!;
    expect(saved).toEqual(stored);
    expect(await getSnapshot(rep.id, "2025-02-10")).toMatchObject({
      measuredOn: "2025-02-10", brand: 18.52, people: 12.4, insights: 9.75, relationships: 20.333, total: 61.003,
      industryRank: 3, networkRank: 12.5, industryAvg: 24, networkAvg: 31.2, enteredBy: null, enteredByName: null,
    });
    expect(await getSnapshot(rep.id, "2025-02-11")).toBeNull();
    expect(await auditFor(rep.id)).toEqual([]);
  });

  it("replaces the snapshot of the same date: one row, the new values, audited as a replacement", async () => {
    const rep = await makeUser();
    const team = await makeTeam(rep.id);
    await makeSnapshot(rep.id, "2025-02-10", 60);
    const again = await upsertSnapshot(rep.id, snapshotInput("2025-02-10", { brand: 20, people: 20, insights: 15, relationships: 10 }), { actorId: rep.id, teamId: team.id });
    expect(again).toMatchObject({ replaced: true, saved: { measuredOn: "2025-02-10", brand: 20, people: 20, insights: 15, relationships: 10, total: 65 } });
    const rows = await rowsOf(rep.id);
    expect(rows.map((r) => [r.measuredOn, r.brand, r.people, r.insights, r.relationships, r.total])).toEqual([["2025-02-10", 20, 20, 15, 10, 65]]);
    expect(await listTeamAudit(team.owner, 1)).toMatchObject([
      { action: "snapshot.replace", subjectId: rep.id, details: { measuredOn: "2025-02-10", total: 65, previousTotal: 60 } },
    ]);
  });

  it("records who entered a snapshot for a member, and audits it for the team", async () => {
    const manager = await makeUser({ name: "Mia Manager" });
    const team = await makeTeam(manager.id);
    const rep = await makeUser();
    await addMember(team.id, rep.id);
    await makeSnapshot(rep.id, "2025-03-01", 48.5, { actorId: manager.id, teamId: team.id });
    expect(await getSnapshot(rep.id, "2025-03-01")).toMatchObject({ total: 48.5, enteredBy: manager.id, enteredByName: "Mia Manager" });
    expect(await listTeamAudit(team.owner, 1)).toMatchObject([
      { action: "snapshot.enter_for_member", actorName: "Mia Manager", subjectId: rep.id, details: { measuredOn: "2025-03-01", total: 48.5, previousTotal: null } },
    ]);
    // The member re-submitting their own score for that date takes the entry back.
    await makeSnapshot(rep.id, "2025-03-01", 50);
    expect(await getSnapshot(rep.id, "2025-03-01")).toMatchObject({ total: 50, enteredBy: null });
  });

  it("lists a person's snapshots newest first, with limit and since, and only theirs", async () => {
    const rep = await makeUser();
    const other = await makeUser();
    for (const [date, total] of [["2025-01-15", 40], ["2025-03-01", 60], ["2024-12-31", 30], ["2025-02-01", 50]] as const) {
      await makeSnapshot(rep.id, date, total);
    }
    await makeSnapshot(other.id, "2025-02-15", 99);
    expect((await listSnapshotsForUser(rep.id)).map((s) => [s.measuredOn, s.total])).toEqual([
      ["2025-03-01", 60],
      ["2025-02-01", 50],
      ["2025-01-15", 40],
      ["2024-12-31", 30],
    ]);
    expect((await listSnapshotsForUser(rep.id, { limit: 2 })).map((s) => s.measuredOn)).toEqual(["2025-03-01", "2025-02-01"]);
    expect((await listSnapshotsForUser(rep.id, { since: "2025-01-15" })).map((s) => s.measuredOn)).toEqual(["2025-03-01", "2025-02-01", "2025-01-15"]);
    expect(await listSnapshotsForUser((await makeUser()).id)).toEqual([]);
  });

  it("deletes a snapshot with an audit entry, and answers false when there is none", async () => {
    const rep = await makeUser();
    const team = await makeTeam(rep.id);
    await makeSnapshot(rep.id, "2025-01-10", 44);
    await makeSnapshot(rep.id, "2025-01-11", 45);
    expect(await deleteSnapshot(rep.id, "2025-01-10", { actorId: rep.id, teamId: team.id })).toBe(true);
    expect((await rowsOf(rep.id)).map((r) => r.measuredOn)).toEqual(["2025-01-11"]);
    expect(await listTeamAudit(team.owner, 1)).toMatchObject([{ action: "snapshot.delete", subjectId: rep.id, details: { measuredOn: "2025-01-10", total: 44 } }]);
    expect(await deleteSnapshot(rep.id, "2025-01-10", { actorId: rep.id, teamId: team.id })).toBe(false);
    expect((await listTeamAudit(team.owner)).filter((a) => a.action === "snapshot.delete")).toHaveLength(1);
  });

  it("audits a replacement even when the same date is submitted twice at once (a double click)", async () => {
    for (let round = 0; round < 5; round++) {
      const rep = await makeUser();
      const results = await Promise.all([
        upsertSnapshot(rep.id, snapshotInput("2025-01-10", 50)),
        upsertSnapshot(rep.id, snapshotInput("2025-01-10", 60)),
      ]);
      const rows = await rowsOf(rep.id);
      expect(rows).toHaveLength(1);
      expect(results.map((r) => r.replaced).sort(), `round ${round}`).toEqual([false, true]);
      expect(await auditFor(rep.id), `round ${round}`).toEqual([
        expect.objectContaining({ action: "snapshot.replace", details: expect.objectContaining({ total: rows[0]!.total }) }),
      ]);
    }
  });

  it("has the database refuse out-of-range scores even when validation is bypassed, writing nothing", async () => {
    const rep = await makeUser();
    const good = snapshotInput("2025-01-10", 50);
    const bad: SnapshotInput[] = [
      { ...good, brand: 25.5, total: 50.5 },
      { ...good, people: -1, total: 49 },
      { ...good, total: 100.5 },
      { ...good, industryRank: 0 },
      { ...good, measuredOn: "2013-12-31" },
    ];
    for (const input of bad) {
      expect(await violation(upsertSnapshot(rep.id, input, { actorId: rep.id })), JSON.stringify(input)).toMatch(/violates check constraint "snapshots_/);
    }
    const direct = t.db().insert(snapshots).values({ userId: rep.id, measuredOn: "2025-01-11", brand: 26, people: 1, insights: 1, relationships: 1, total: 29 });
    expect(await violation(direct)).toMatch(/violates check constraint "snapshots_components_check"/);
    expect(await rowsOf(rep.id)).toEqual([]);
    expect(await auditFor(rep.id)).toEqual([]);
    // And a refused replacement leaves the stored snapshot as it was.
    await makeSnapshot(rep.id, "2025-01-10", 50);
    expect(await violation(upsertSnapshot(rep.id, { ...good, insights: 30, total: 67.5 }, { actorId: rep.id }))).toMatch(/check constraint/);
    expect((await rowsOf(rep.id)).map((r) => [r.total, r.insights])).toEqual([[50, 12.5]]);
    const [n] = await t.db().select({ n: count() }).from(auditLog).where(eq(auditLog.subjectId, rep.id));
    expect(n?.n).toBe(0);
  });
});

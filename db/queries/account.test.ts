import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/test-db";
import { addMember, makeSnapshot, makeTeam, makeUser } from "../testing/factories";
import { apiTokens, memberships, snapshots, users } from "../schema";
import { changePassword, deleteAccount, exportUserData, updateProfile } from "./account";
import { createApiToken } from "./api-tokens";
import { changeRole } from "./teams";
import { setGoal } from "./goals";

const t = setupTestDatabase();
const ORIGIN = { origin: "https://ssi.test" };

describe(`account on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("refuses an email another account uses; a new one waits for its confirmation link (lower-cased)", async () => {
    const a = await makeUser();
    const b = await makeUser();
    expect(await updateProfile(a.id, { name: "A", email: b.email.toUpperCase(), timeZone: null }, ORIGIN)).toMatchObject({ ok: false, field: "email" });
    expect(await updateProfile(a.id, { name: "Ann", email: "Ann.New@Example.test", timeZone: "Europe/Paris" }, ORIGIN)).toEqual({ ok: true, pendingEmail: "ann.new@example.test" });
    const [row] = await t.db().select().from(users).where(eq(users.id, a.id));
    expect(row).toMatchObject({ name: "Ann", email: a.email, timeZone: "Europe/Paris" });
  });

  it("bumps the session version when the password changes", async () => {
    const a = await makeUser();
    expect(a.sessionVersion).toBe(0);
    expect(await changePassword(a.id, "new-hash")).toBe(1);
    expect(await changePassword(a.id, "newer-hash")).toBe(2);
  });

  it("refuses to delete the only owner of a team, naming the team, and deletes nothing", async () => {
    const a = await makeUser();
    const team = await makeTeam(a.id, { name: "Solo Owners" });
    await makeSnapshot(a.id, "2025-01-06", 50);
    const r = await deleteAccount(a.id);
    expect(r).toEqual({ ok: false, soleOwnerOf: [expect.objectContaining({ name: "Solo Owners" })] });
    expect(await t.db().select().from(snapshots).where(eq(snapshots.userId, a.id))).toHaveLength(1);
    // With a second owner, deleting goes through.
    const b = await makeUser();
    await addMember(team.id, b.id);
    await changeRole(team.owner, b.id, "owner");
    expect(await deleteAccount(a.id)).toEqual({ ok: true });
  });

  it("deletes the person with their snapshots, memberships, goal and tokens; teammates stay", async () => {
    const owner = await makeUser();
    const team = await makeTeam(owner.id);
    const a = await makeUser();
    await addMember(team.id, a.id);
    await makeSnapshot(a.id, "2025-01-06", 50);
    await makeSnapshot(owner.id, "2025-01-06", 60);
    await createApiToken(a.id, "script");
    await setGoal(a.id, { targetTotal: 70, targetDate: "2030-01-01" });
    expect(await deleteAccount(a.id)).toEqual({ ok: true });
    expect(await t.db().select().from(users).where(eq(users.id, a.id))).toHaveLength(0);
    expect(await t.db().select().from(snapshots).where(eq(snapshots.userId, a.id))).toHaveLength(0);
    expect(await t.db().select().from(memberships).where(eq(memberships.userId, a.id))).toHaveLength(0);
    expect(await t.db().select().from(apiTokens).where(eq(apiTokens.userId, a.id))).toHaveLength(0);
    expect(await t.db().select().from(snapshots).where(eq(snapshots.userId, owner.id))).toHaveLength(1);
  });

  it("exports profile, teams, scores, goal and token names without any secret", async () => {
    const a = await makeUser({ name: "Exporter" });
    await makeTeam(a.id, { name: "Export Team" });
    await makeSnapshot(a.id, "2025-01-06", 50);
    await makeSnapshot(a.id, "2025-01-13", 52);
    const { token } = await createApiToken(a.id, "cron");
    await setGoal(a.id, { targetTotal: 70, targetDate: "2030-01-01" });
    const data = await exportUserData(a.id);
    expect(data.profile).toMatchObject({ name: "Exporter", email: a.email });
    expect(data.teams).toEqual([expect.objectContaining({ team: "Export Team", role: "owner" })]);
    expect(data.snapshots.map((s) => [s.measuredOn, s.total])).toEqual([["2025-01-06", 50], ["2025-01-13", 52]]);
    expect(data.goal).toMatchObject({ targetTotal: 70, targetDate: "2030-01-01" });
    expect(data.apiTokens).toEqual([expect.objectContaining({ name: "cron" })]);
    const json = JSON.stringify(data);
    expect(json).not.toContain(token);
    expect(json).not.toMatch(/password|tokenHash/i);
  });
});

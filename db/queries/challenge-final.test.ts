// A past challenge keeps its final standings: late scores count for FINAL_AFTER_DAYS days after the end, then
// the result is kept as it stood — a backdated edit or a member leaving the team no longer changes it.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { challengeFinals, memberships, teams } from "../schema";
import { setupTestDatabase } from "../testing/test-db";
import { addMember, makeSnapshot, makeTeam, makeUser } from "../testing/factories";
import { getChallengeStandings } from "./challenge-standings";
import { createChallenge, getTeamChallenge } from "./challenges";
import { addDays } from "@/lib/dates";
import { FINAL_AFTER_DAYS } from "@/lib/challenges/rules";
import type { TeamAccess } from "@/lib/team-access";

const t = setupTestDatabase();
const challenge = { metric: "total" as const, target: null, participants: "all" as const, participantIds: [], teamIds: [] as string[] };
const opts = (today: string) => ({ today, staleDays: 14, timeZone: "UTC" });
const END = "2025-03-31";

/** Olga climbs 1 point and Lea 8 during March; Lea wins. */
async function march(kind: "improved" | "race" = "improved") {
  const owner = await makeUser({ name: "Olga" });
  const team = await makeTeam(owner.id);
  const low = await makeUser({ name: "Lea" });
  const lea = await addMember(team.id, low.id);
  await t.db().update(memberships).set({ joinedAt: new Date("2025-01-01T00:00:00Z") }).where(eq(memberships.teamId, team.id));
  await makeSnapshot(owner.id, "2025-02-28", 85);
  await makeSnapshot(owner.id, "2025-03-10", 86);
  await makeSnapshot(low.id, "2025-03-01", 40);
  await makeSnapshot(low.id, "2025-03-10", 48);
  const id = await createChallenge(team.owner, { ...challenge, name: "March push", kind, target: kind === "race" ? 90 : null, startsOn: "2025-03-01", endsOn: END });
  /** The standings as `who` sees them on `today`, with the team's current data version (as the page reads it). */
  const read = async (who: TeamAccess, today: string) => {
    const c = (await getTeamChallenge(who, id))!;
    const [v] = await t.db().select({ v: teams.dataVersion }).from(teams).where(eq(teams.id, team.id));
    c.teams[0]!.dataVersion = v!.v;
    return getChallengeStandings(who, c, opts(today));
  };
  return { owner, team, low, lea, id, read };
}
const table = (s: Awaited<ReturnType<Awaited<ReturnType<typeof march>>["read"]>>) => s.entries.map((e) => [e.name, e.rank, e.improvement]);

describe(`final challenge standings on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("counts a late score dated within the challenge until the result is final", async () => {
    const { owner, team, read } = await march();
    const lastLateDay = addDays(END, FINAL_AFTER_DAYS);
    expect(table(await read(team.owner, lastLateDay))).toEqual([["Lea", 1, 8], ["Olga", 2, 1]]);
    // Olga records her end-of-month score late, dated the last day: it still counts.
    await makeSnapshot(owner.id, END, 95);
    expect(table(await read(team.owner, lastLateDay))).toEqual([["Olga", 1, 10], ["Lea", 2, 8]]);
    expect(await t.db().select().from(challengeFinals)).toHaveLength(0);
  });

  it("keeps the final result after a backdated edit and after a member leaves the team, for every viewer", async () => {
    const { owner, team, low, lea, id, read } = await march();
    const after = addDays(END, FINAL_AFTER_DAYS + 1);
    const asOwner = await read(team.owner, after);
    const asLea = await read(lea, after);
    expect(table(asOwner)).toEqual([["Lea", 1, 8], ["Olga", 2, 1]]);
    expect((await getTeamChallenge(team.owner, id))!.finalAt).toBeInstanceOf(Date);

    // A score backdated into the challenge after the result is final, and Lea leaving the team.
    await makeSnapshot(owner.id, END, 99);
    await t.db().delete(memberships).where(and(eq(memberships.teamId, team.id), eq(memberships.userId, low.id)));
    const later = addDays(after, 30);
    expect(await read(team.owner, later)).toEqual(asOwner);
    expect((await read(team.owner, later)).entries[0]).toMatchObject({ name: "Lea", rank: 1, baseline: { on: "2025-03-01", value: 40 }, current: { on: "2025-03-10", value: 48 } });
    expect(asLea.entries.map((e) => e.isViewer)).toEqual([true, false]);
  });

  it("keeps a race's dates reached, and makes the result final once when read from two places at once", async () => {
    const { owner, team, lea, id, read } = await march("race");
    await makeSnapshot(owner.id, "2025-03-20", 91);
    const after = addDays(END, FINAL_AFTER_DAYS + 1);
    const [a, b] = await Promise.all([read(team.owner, after), read(lea, after)]);
    expect(a.entries.map((e) => [e.name, e.rank, e.reachedOn])).toEqual([["Olga", 1, "2025-03-20"], ["Lea", 2, null]]);
    expect(b.entries.map((e) => [e.name, e.rank, e.reachedOn])).toEqual([["Olga", 1, "2025-03-20"], ["Lea", 2, null]]);
    expect(await t.db().select().from(challengeFinals).where(eq(challengeFinals.challengeId, id))).toHaveLength(2);
    // Lowering the score that reached the target changes nothing now.
    await makeSnapshot(owner.id, "2025-03-20", 60);
    expect((await read(team.owner, addDays(after, 1))).entries.map((e) => [e.name, e.rank, e.reachedOn])).toEqual([["Olga", 1, "2025-03-20"], ["Lea", 2, null]]);
  });
});

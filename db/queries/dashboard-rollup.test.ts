import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { memberships, snapshots, teamWeekFigures, teams } from "../schema";
// mulberry32, seeded: every run builds the same histories.
import { prng } from "../seed-large-data";
import { setupTestDatabase } from "../testing/test-db";
import { addMember, makeSnapshot, makeTeam, makeUser } from "../testing/factories";
import { keepTrendWeeks, readKeptTrendWeeks } from "./dashboard-rollup";
import { detectRecalibration } from "@/lib/recalibration";
import { getTeamNow } from "./dashboard-now";
import { computeTeamTrend, getTeamTrend, trendWeeksComputed } from "./dashboard-trend";
import { deleteSnapshot } from "./snapshots";
import { removeMember } from "./teams";
import type { TeamCalendar } from "./dashboard-sql";
import { addDays, weekStartOf } from "@/lib/dates";
import type { TeamAccess } from "@/lib/team-access";

const t = setupTestDatabase();

type Rand = () => number;
const pick = <T,>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
/** Components on a coarse grid (ties and equal changes happen), two decimals at most. */
const scores = (rand: Rand) => ({ brand: pick(rand, [5, 10, 12.5, 20]), people: pick(rand, [8, 15, 22.25]), insights: int(rand, 0, 25), relationships: pick(rand, [9.5, 14, 19]) });

/** Up to `n` snapshots of one person dated in [from, to], written in one statement (as an import would). */
async function randomHistory(rand: Rand, userId: string, from: string, to: string, n: number) {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  const dates = new Set<string>();
  for (let i = 0; i < n; i++) dates.add(addDays(from, int(rand, 0, span)));
  if (!dates.size) return;
  const rows = [...dates].map((measuredOn) => {
    const s = scores(rand);
    return { userId, measuredOn, ...s, total: s.brand + s.people + s.insights + s.relationships, industryAvg: rand() < 0.3 ? int(rand, 20, 60) : null };
  });
  await t.db().insert(snapshots).values(rows);
}

const keptRows = (teamId: string) =>
  t
    .db()
    .select({ weekStart: teamWeekFigures.weekStart, staleDays: teamWeekFigures.staleDays, computedAt: teamWeekFigures.computedAt })
    .from(teamWeekFigures)
    .where(eq(teamWeekFigures.teamId, teamId))
    .orderBy(teamWeekFigures.staleDays, teamWeekFigures.weekStart);

/**
 * The kept-week trend equals the live computation; every completed week of the range is then kept; and a second
 * read computes only the current week and changes no kept row.
 */
async function expectKeptEqualsLive(access: TeamAccess, cal: TeamCalendar, weeks: number, label: string) {
  const live = await computeTeamTrend(access, cal, weeks);
  expect(await getTeamTrend(access, cal, weeks), label).toEqual(live);
  const rows = await keptRows(access.teamId);
  const current = weekStartOf(cal.today, cal.weekStart);
  const first = addDays(current, -7 * (weeks - 1));
  const inRange = rows.filter((r) => r.staleDays === cal.staleDays && r.weekStart >= first && r.weekStart < current && weekStartOf(r.weekStart, cal.weekStart) === r.weekStart);
  expect(inRange.length, `${label}: completed weeks kept`).toBe(weeks - 1);
  const before = trendWeeksComputed.count;
  expect(await getTeamTrend(access, cal, weeks), `${label}: second read`).toEqual(live);
  expect(trendWeeksComputed.count - before, `${label}: weeks computed by the second read`).toBe(1);
  expect(await keptRows(access.teamId), `${label}: kept rows after the second read`).toEqual(rows);
  // As the dashboard reads it: the current week off the members-now statement, nothing computed here.
  const current2 = getTeamNow(access, cal).then((n) => n.currentWeek);
  const computedBefore = trendWeeksComputed.count;
  expect(await getTeamTrend(access, cal, weeks, { current: current2 }), `${label}: the current week from the team now`).toEqual(live);
  expect(trendWeeksComputed.count - computedBefore, `${label}: weeks computed with the current week given`).toBe(0);
  return rows;
}

/** Kept rows whose week cannot see a score dated `d` (by the reach the migration documents) must survive a write there. */
const outOfReach = (d: string) => (r: { weekStart: string; staleDays: number }) =>
  addDays(r.weekStart, 6) < d || r.weekStart > addDays(d, Math.max(14, r.staleDays - 6));

describe(`dashboard rollup on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  for (let seed = 1; seed <= 24; seed++) {
    it(`keeps completed weeks equal to the live figures through edits, deletions, membership and settings changes (case ${seed})`, async () => {
      const rand = prng(seed * 7919);
      const weeks = int(rand, 3, 9);
      const today = addDays("2025-03-01", int(rand, 0, 300));
      let cal: TeamCalendar = { today, weekStart: int(rand, 1, 7), staleDays: pick(rand, [3, 7, 14, 30]) };
      const from = addDays(today, -7 * weeks - 35);
      const owner = await makeUser({ name: "Owner" });
      const team = await makeTeam(owner.id, { weekStart: cal.weekStart, staleDays: cal.staleDays });
      const access = team.owner;
      const members: string[] = [owner.id];
      for (let i = int(rand, 2, 5); i > 0; i--) {
        const u = await makeUser();
        await addMember(team.id, u.id);
        members.push(u.id);
      }
      for (const m of members) await randomHistory(rand, m, from, today, rand() < 0.15 ? 0 : int(rand, 1, 30));
      const firstWeek = addDays(weekStartOf(today, cal.weekStart), -7 * (weeks - 1));
      const pastDay = () => addDays(firstWeek, int(rand, -14, 7 * (weeks - 1) - 1)); // within reach of the range, before this week
      const datesOf = async (userId: string) =>
        (await t.db().select({ d: snapshots.measuredOn }).from(snapshots).where(eq(snapshots.userId, userId))).map((r) => r.d).filter((d) => d < weekStartOf(today, cal.weekStart));

      await expectKeptEqualsLive(access, cal, weeks, "first read");

      // A backdated replacement (or insert, where the person has no past score) keeps the weeks it cannot reach.
      const who = pick(rand, members);
      const theirs = await datesOf(who);
      const d = theirs.length ? pick(rand, theirs) : pastDay();
      const beforeEdit = await keptRows(team.id);
      await makeSnapshot(who, d, scores(rand));
      const afterEdit = await expectKeptEqualsLive(access, cal, weeks, `backdated edit on ${d}`);
      const survivors = beforeEdit.filter(outOfReach(d));
      expect(afterEdit.filter(outOfReach(d)), "weeks out of the edit's reach are not recomputed").toEqual(survivors);

      await makeSnapshot(pick(rand, members), pastDay(), scores(rand));
      await expectKeptEqualsLive(access, cal, weeks, "backdated insert");

      const deleter = pick(rand, members);
      const deletable = await datesOf(deleter);
      if (deletable.length) {
        expect(await deleteSnapshot(deleter, pick(rand, deletable), { actorId: owner.id })).toBe(true);
        await expectKeptEqualsLive(access, cal, weeks, "deletion");
      }

      await makeSnapshot(pick(rand, members), today, scores(rand));
      await expectKeptEqualsLive(access, cal, weeks, "snapshot today");

      const leaving = members.splice(int(rand, 1, members.length - 1), 1)[0]!;
      expect(await removeMember(access, leaving)).toEqual({ ok: true });
      await expectKeptEqualsLive(access, cal, weeks, "member left");

      const joiner = await makeUser();
      await randomHistory(rand, joiner.id, from, today, int(rand, 0, 20));
      await addMember(team.id, joiner.id);
      members.push(joiner.id);
      await expectKeptEqualsLive(access, cal, weeks, "member joined");

      // Another staleness window and another week start read other kept rows; edits made meanwhile reach the
      // rows of the first settings too, which are correct when the settings come back.
      const original = cal;
      cal = { ...original, staleDays: original.staleDays === 21 ? 5 : 21 };
      await t.db().update(teams).set({ staleDays: cal.staleDays }).where(eq(teams.id, team.id));
      await expectKeptEqualsLive(access, cal, weeks, "other staleness window");
      cal = { ...cal, weekStart: (original.weekStart % 7) + 1 };
      await expectKeptEqualsLive(access, cal, weeks, "other week start");
      await makeSnapshot(pick(rand, members), pastDay(), scores(rand));
      await expectKeptEqualsLive(access, cal, weeks, "backdated insert, other settings");
      cal = original;
      await expectKeptEqualsLive(access, cal, weeks, "first settings again");

      // The day moves on into the next week: the week that was current becomes a completed, kept one.
      cal = { ...cal, today: addDays(today, 7) };
      await makeSnapshot(pick(rand, members), cal.today, scores(rand));
      await expectKeptEqualsLive(access, cal, weeks, "a week later");
    });
  }

  it("does not keep weeks computed before a write that committed while they were computed", async () => {
    const owner = await makeUser();
    const team = await makeTeam(owner.id);
    const cal = { today: "2025-03-14", weekStart: 1, staleDays: 14 };
    await makeSnapshot(owner.id, "2025-03-04", 50);
    const { version } = await readKeptTrendWeeks(team.id, 14, "2025-03-03", "2025-03-10");
    const [week] = (await computeTeamTrend(team.owner, cal, 2)).slice(0, 1);
    expect(week).toMatchObject({ weekStart: "2025-03-03", average: 50 });
    await makeSnapshot(owner.id, "2025-03-05", 70); // commits after the figures were read: they are out of date
    const stale = { week_start: "2025-03-03", as_of: "2025-03-09", counted: 1, average: 50, median: 50, industry_avg: null, brand: 12.5, people: 12.5, insights: 12.5, relationships: 12.5, submitted: 1, recalibration: detectRecalibration([]) };
    await keepTrendWeeks(team.id, 14, version, [stale]);
    expect(await keptRows(team.id)).toEqual([]);
    expect((await getTeamTrend(team.owner, cal, 2))[0]).toMatchObject({ weekStart: "2025-03-03", average: 70 });
    expect((await keptRows(team.id)).map((r) => r.weekStart)).toEqual(["2025-03-03"]);
  });

  // Two connections are needed: PostgreSQL only (PGlite is one connection, where nothing can interleave).
  it.runIf(!!process.env.DATABASE_URL)("keeps no week without the score of a person whose backdated snapshot raced their joining the team", async () => {
    const owner = await makeUser();
    const team = await makeTeam(owner.id);
    const cal = { today: "2025-03-14", weekStart: 1, staleDays: 14 };
    await makeSnapshot(owner.id, "2025-03-04", 50);
    const joiner = await makeUser();
    let commit!: () => void;
    const gate = new Promise<void>((resolve) => (commit = resolve));
    // The joiner's score for the 5th is written in a transaction still open while they join the team and the
    // dashboard is read; the join's trigger waits for it (their person lock), so it sees the score.
    let written!: () => void;
    const inserted = new Promise<void>((resolve) => (written = resolve));
    const write = t.db().transaction(async (tx) => {
      await tx.insert(snapshots).values({ userId: joiner.id, measuredOn: "2025-03-05", brand: 20, people: 20, insights: 20, relationships: 20, total: 80 });
      written();
      await gate;
    });
    await inserted;
    const join = t.db().insert(memberships).values({ teamId: team.id, userId: joiner.id }).then(() => undefined); // starts it now
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the join reach its trigger (ordering, not timing)
    const read = getTeamTrend(team.owner, cal, 2);
    commit();
    await Promise.all([write, join, read]);
    expect(await getTeamTrend(team.owner, cal, 2)).toEqual(await computeTeamTrend(team.owner, cal, 2));
    expect((await getTeamTrend(team.owner, cal, 2))[0]).toMatchObject({ weekStart: "2025-03-03", counted: 2, average: 65 });
  });
});

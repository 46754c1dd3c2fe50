import { describe, expect, it } from "vitest";
import { snapshots } from "../schema";
// mulberry32, seeded: every run builds the same histories.
import { prng } from "../seed-large-data";
import { setupTestDatabase } from "../testing/test-db";
import { addMember, makeSnapshot, makeTeam, makeUser } from "../testing/factories";
import { getTeamHeadline, getTeamNow } from "./dashboard-now";
import { computeTeamTrend, toWeekPoint } from "./dashboard-trend";
import { addDays, weekStartOf } from "@/lib/dates";
import { round3 } from "@/lib/ssi";

const t = setupTestDatabase();

type Rand = () => number;
const int = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

// The headline is read off the members-now statement (one pass over every member's latest scores). Its figures
// must be what the headline always showed: the trend's point statistics (average and median of fresh latest
// totals) at today and 28 days earlier, and the counts of members, submissions this week, stale and never.
describe(`dashboard headline on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  for (let seed = 1; seed <= 10; seed++) {
    it(`equals the trend's figures at today and 28 days earlier, and counts every member once (case ${seed})`, async () => {
      const rand = prng(seed * 104729);
      const owner = await makeUser({ name: "Owner" });
      const cal = { today: addDays("2026-03-02", int(rand, 0, 6)), weekStart: int(rand, 1, 7), staleDays: int(rand, 3, 30) };
      const team = await makeTeam(owner.id, { weekStart: cal.weekStart, staleDays: cal.staleDays });
      const access = team.owner;
      const latest = new Map<string, string>();
      const members = [owner.id];
      for (let i = 0, n = int(rand, 3, 12); i < n; i++) {
        const u = await makeUser({ name: `M${i}` });
        await addMember(team.id, u.id);
        members.push(u.id);
      }
      for (const userId of members) {
        if (rand() < 0.15) continue; // never submitted
        const dates = new Set<string>();
        // Sparse histories over ten weeks, some ending long ago (stale now), some with nothing near 28 days back.
        const end = rand() < 0.25 ? addDays(cal.today, -int(rand, 20, 60)) : cal.today;
        for (let k = 0, n = int(rand, 1, 8); k < n; k++) dates.add(addDays(end, -int(rand, 0, 70)));
        const rows = [...dates].map((measuredOn) => {
          const c = { brand: int(rand, 0, 25), people: int(rand, 0, 50) / 2, insights: int(rand, 0, 100) / 4, relationships: int(rand, 0, 25) };
          return { userId, measuredOn, ...c, total: c.brand + c.people + c.insights + c.relationships };
        });
        await t.db().insert(snapshots).values(rows);
        latest.set(userId, [...dates].sort().at(-1)!);
      }

      const headline = await getTeamHeadline(access, cal);
      const [nowPoint] = await computeTeamTrend(access, cal, 1);
      const [monthAgoPoint] = await computeTeamTrend(access, { ...cal, today: addDays(cal.today, -28) }, 1);
      const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : round3(a - b));
      const thisWeek = weekStartOf(cal.today, cal.weekStart);
      const ages = members.map((m) => latest.get(m)).map((d) => (d === undefined ? null : (Date.parse(cal.today) - Date.parse(d)) / 86_400_000));
      expect(monthAgoPoint!.asOf).toBe(addDays(cal.today, -28));
      expect(headline).toEqual({
        memberCount: members.length,
        average: nowPoint!.average,
        median: nowPoint!.median,
        averageChange: diff(nowPoint!.average, monthAgoPoint!.average),
        medianChange: diff(nowPoint!.median, monthAgoPoint!.median),
        submittedThisWeek: nowPoint!.submitted,
        thisWeekStart: thisWeek,
        staleCount: ages.filter((a) => a !== null && a > cal.staleDays).length,
        neverCount: ages.filter((a) => a === null).length,
      });
      expect(headline.submittedThisWeek).toBe([...latest.values()].filter((d) => d >= thisWeek).length);
      // The trend's current week, read off the same statement, is the trend's own last point.
      expect(toWeekPoint((await getTeamNow(access, cal)).currentWeek)).toEqual(nowPoint);
    });
  }

  it("judges a LinkedIn-wide change in the current week the same off the team now as the trend does", async () => {
    const owner = await makeUser({ name: "Owner" });
    const cal = { today: "2026-03-05", weekStart: 1, staleDays: 30 };
    const team = await makeTeam(owner.id, { weekStart: 1, staleDays: 30 });
    const people = [owner.id];
    for (let i = 0; i < 5; i++) {
      const u = await makeUser({ name: `R${i}` });
      await addMember(team.id, u.id);
      people.push(u.id);
    }
    // Everyone but one drops by about 6 points from last week to this one; one rises.
    for (const [i, userId] of people.entries()) {
      await makeSnapshot(userId, "2026-02-25", 60 + i);
      await makeSnapshot(userId, "2026-03-03", i === 5 ? 64 + i : 54 + i - (i % 2) * 0.5);
    }
    const [point] = await computeTeamTrend(team.owner, cal, 1);
    expect(point!.recalibration).toMatchObject({ likely: true, direction: "down", compared: 6, similar: 5 });
    expect(toWeekPoint((await getTeamNow(team.owner, cal)).currentWeek)).toEqual(point);
  });
});

import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/test-db";
import { addMember, makeSnapshot, makeTeam, makeUser, snapshotInput } from "../testing/factories";
import { getMemberRankHistory, getTeamHeadline, getTeamNow, getTeamTrend } from "./dashboard";
import { upsertSnapshot } from "./snapshots";
import { findMembershipBySlug } from "./teams";
import { coachingList, topImprovers } from "@/lib/team-coaching";
import { todayInZone } from "@/lib/dates";

setupTestDatabase();

async function teamWith(names: string[], overrides: Parameters<typeof makeTeam>[1] = {}) {
  const owner = await makeUser({ name: "Zz Owner" });
  const team = await makeTeam(owner.id, overrides);
  const ids: Record<string, string> = {};
  for (const name of names) {
    const u = await makeUser({ name });
    await addMember(team.id, u.id);
    ids[name] = u.id;
  }
  return { team, owner, id: (n: string) => ids[n]! };
}

const c = (brand: number, people: number, insights: number, relationships: number) => ({ brand, people, insights, relationships });

describe(`dashboard aggregates on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("buckets weeks in the team's zone and week start, with an empty week and a week without submissions", async () => {
    // Kiritimati is UTC+14; the team's week starts on Saturday. At this instant it is Saturday 15 March there,
    // so a new team week has begun, while in UTC it is still Friday 14 March (a week that began on the 8th).
    const instant = new Date("2025-03-14T12:00:00Z");
    const { team, owner, id } = await teamWith(["Ana", "Ben", "Cai", "Dee"], { timeZone: "Pacific/Kiritimati", weekStart: 6, staleDays: 7 });
    const stored = (await findMembershipBySlug(team.slug, owner.id))!.team;
    const today = todayInZone(stored.timeZone, instant);
    expect([today, todayInZone("UTC", instant)]).toEqual(["2025-03-15", "2025-03-14"]);

    await makeSnapshot(id("Ana"), "2025-02-22", c(10, 10, 10, 10)); // 40, first day of the week of 22 Feb
    await makeSnapshot(id("Ana"), "2025-03-14", c(20, 10, 10, 10)); // 50, last day of the week of 8 Mar
    await makeSnapshot(id("Ana"), "2025-03-15", c(20, 15, 15, 10)); // 60, first day of this week
    await makeSnapshot(id("Ben"), "2025-02-28", c(20, 20, 15, 15)); // 70
    await upsertSnapshot(id("Ben"), snapshotInput("2025-03-15", c(20, 20, 20, 20), { industryAvg: 40 })); // 80
    await makeSnapshot(id("Cai"), "2025-02-01", 30); // stale at every point of the range

    const cal = { today, weekStart: stored.weekStart, staleDays: stored.staleDays };
    const trend = await getTeamTrend(team.owner, cal, 5);
    expect(trend.map((w) => [w.weekStart, w.asOf, w.counted, w.average, w.median, w.submitted])).toEqual([
      ["2025-02-15", "2025-02-21", 0, null, null, 0], // nothing yet: an empty point, not a missing one
      ["2025-02-22", "2025-02-28", 2, 55, 55, 2],
      ["2025-03-01", "2025-03-07", 1, 70, 70, 0], // no submissions: Ana's score is 13 days old (stale), Ben's 7
      ["2025-03-08", "2025-03-14", 1, 50, 50, 1],
      ["2025-03-15", "2025-03-15", 2, 70, 70, 2],
    ]);
    expect(trend[1]!.components).toEqual({ brand: 15, people: 15, insights: 12.5, relationships: 12.5 });
    expect(trend[1]!.industryAverage).toBeNull();
    expect(trend[4]!.components).toEqual({ brand: 20, people: 17.5, insights: 17.5, relationships: 15 });
    expect(trend[4]!.industryAverage).toBe(40);
    expect(trend[0]!.components).toEqual({ brand: null, people: null, insights: null, relationships: null });

    // The same scores on Monday weeks: the 14th and 15th now fall in one week (10–16 March).
    const monday = await getTeamTrend(team.owner, { ...cal, weekStart: 1 }, 2);
    expect(monday.map((w) => [w.weekStart, w.asOf, w.submitted, w.average])).toEqual([
      ["2025-03-03", "2025-03-09", 0, null],
      ["2025-03-10", "2025-03-15", 2, 70],
    ]);

    const headline = await getTeamHeadline(team.owner, cal);
    expect(headline).toMatchObject({ thisWeekStart: "2025-03-15", submittedThisWeek: 2, memberCount: 5, staleCount: 1, neverCount: 2 });
    // Taken on the UTC date, the team's current week would be the one that began on the 8th, with only Ana in it.
    const utc = await getTeamHeadline(team.owner, { ...cal, today: "2025-03-14" });
    expect(utc).toMatchObject({ thisWeekStart: "2025-03-08", submittedThisWeek: 1 });
  });

  it("computes headline figures, their four-week change, distribution, improvers and coaching", async () => {
    const { team, id } = await teamWith(["Pia", "Quy", "Rex", "Sol"]);
    const cal = { today: "2025-03-14", weekStart: 1, staleDays: 14 }; // a Friday; the week began Monday the 10th
    await makeSnapshot(id("Pia"), "2025-02-14", 50);
    await makeSnapshot(id("Pia"), "2025-03-12", c(20, 15, 15, 10)); // 60
    await makeSnapshot(id("Quy"), "2025-02-10", 70);
    await makeSnapshot(id("Quy"), "2025-03-05", c(18, 16, 16, 16)); // 66, last week
    await makeSnapshot(id("Rex"), "2025-02-20", 40); // 22 days old: stale
    await makeSnapshot(id("Sol"), "2025-03-14", c(5, 5, 10, 10)); // 30, new

    const h = await getTeamHeadline(team.owner, cal);
    // Now: 60, 66, 30 → average 52, median 60. On 14 Feb: 50 and 70 → 60 and 60.
    expect(h).toEqual({
      memberCount: 5,
      average: 52,
      median: 60,
      averageChange: -8,
      medianChange: 0,
      submittedThisWeek: 2,
      thisWeekStart: "2025-03-10",
      staleCount: 1,
      neverCount: 1,
    });

    const now = await getTeamNow(team.owner, cal);
    expect(now.distribution).toEqual([0, 0, 0, 1, 0, 0, 2, 0, 0, 0]);
    expect(now.componentMedians).toEqual({ brand: 18, people: 15, insights: 15, relationships: 10 });
    expect(now.members.map((m) => [m.name, m.status, m.total, m.change4w, m.submittedThisWeek])).toEqual([
      ["Quy", "fresh", 66, -4, false],
      ["Pia", "fresh", 60, 10, true],
      ["Rex", "stale", 40, null, false],
      ["Sol", "fresh", 30, null, true],
      ["Zz Owner", "never", null, null, false],
    ]);
    expect(topImprovers(now.members).map((m) => [m.name, m.change4w])).toEqual([["Pia", 10]]);
    // Sol is furthest below the median on brand (5 vs 18); Pia and Quy are at or above it everywhere.
    expect(coachingList(now.members, now.componentMedians).map((e) => [e.name, e.component, e.gap])).toEqual([["Sol", "brand", -13]]);
  });

  it("flags a week where most of the team dropped by a similar amount as a likely LinkedIn-wide change", async () => {
    const { team, id } = await teamWith(["A", "B", "C", "D"]);
    const cal = { today: "2025-03-14", weekStart: 1, staleDays: 14 };
    const before = { A: 60, B: 50, C: 70, D: 40 } as const;
    for (const [name, total] of Object.entries(before)) {
      await makeSnapshot(id(name), "2025-03-01", total);
      await makeSnapshot(id(name), "2025-03-06", total + 0.5); // ordinary drift the week before
      await makeSnapshot(id(name), "2025-03-11", total - 4 + (name === "D" ? 1 : 0)); // everyone drops ~4
    }
    const trend = await getTeamTrend(team.owner, cal, 2);
    expect(trend[0]!.recalibration).toMatchObject({ likely: false, compared: 4 });
    expect(trend[1]!.recalibration).toMatchObject({ likely: true, direction: "down", compared: 4, similar: 4, medianChange: -4.5 });
  });

  it("ranks one member week by week among fresh scores", async () => {
    const { team, id } = await teamWith(["Ida", "Joe"]);
    const cal = { today: "2025-03-14", weekStart: 1, staleDays: 14 };
    await makeSnapshot(id("Ida"), "2025-03-04", 50);
    await makeSnapshot(id("Joe"), "2025-03-05", 60);
    await makeSnapshot(id("Ida"), "2025-03-12", 65);
    const history = await getMemberRankHistory(team.owner, id("Ida"), cal, 3);
    expect(history.map((p) => [p.weekStart, p.rank, p.ranked, p.total])).toEqual([
      ["2025-02-24", null, 0, null],
      ["2025-03-03", 2, 2, 50],
      ["2025-03-10", 1, 2, 65],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { snapshots } from "../schema";
// mulberry32, seeded: every run builds the same team.
import { prng } from "../seed-large-data";
import { setupTestDatabase } from "../testing/test-db";
import { addMember, makeTeam, makeUser } from "../testing/factories";
import { getTeamLeaderboard } from "./leaderboard";
import { addDays } from "@/lib/dates";
import { rankTeamWithChange, type RankableMember, type RankableSnapshot, type RankBy } from "@/lib/ranking";
import { round3 } from "@/lib/ssi";

const t = setupTestDatabase();

const RANK_BY: RankBy[] = ["total", "brand", "people", "insights", "relationships"];
const START = "2025-01-01";
const DAYS = 90;

/** Random histories with many ties: components on a coarse grid, and some members copying another's scores. */
function randomHistories(rand: () => number, userIds: string[]): RankableMember[] {
  const pick = (n: number) => Math.floor(rand() * n);
  const component = () => [5, 10, 12.5, 15, 18.75, 20, 24.875][pick(7)]! + (rand() < 0.2 ? 0.125 : 0);
  const members: RankableMember[] = [];
  for (const userId of userIds) {
    const dates = new Set<string>();
    const count = rand() < 0.15 ? 0 : 1 + pick(10);
    while (dates.size < count) dates.add(addDays(START, pick(DAYS)));
    const snaps: RankableSnapshot[] = [...dates].map((measuredOn) => {
      const copy = members.length > 0 && rand() < 0.3 ? members[pick(members.length)]!.snapshots[0] : undefined;
      const c = copy ?? { brand: component(), people: component(), insights: component(), relationships: component() };
      const parts = { brand: c.brand, people: c.people, insights: c.insights, relationships: c.relationships };
      return { measuredOn, ...parts, total: round3(parts.brand + parts.people + parts.insights + parts.relationships) };
    });
    members.push({ userId, snapshots: snaps });
  }
  return members;
}

function latestTotal(m: RankableMember, asOf: string): number | null {
  const s = m.snapshots.filter((x) => x.measuredOn <= asOf).sort((a, b) => (a.measuredOn < b.measuredOn ? 1 : -1))[0];
  return s ? s.total : null;
}

describe(`leaderboard SQL vs lib/ranking.ts on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("agrees with rankTeamWithChange on a random 30-person team, for every date, window and ranking", async () => {
    const rand = prng(20250314);
    const owner = await makeUser({ name: "Owner" });
    const team = await makeTeam(owner.id);
    const ids = [owner.id];
    for (let i = 0; i < 29; i++) {
      const u = await makeUser();
      await addMember(team.id, u.id, i % 5 === 0 ? "manager" : "member");
      ids.push(u.id);
    }
    // An outsider with top scores on every date: must never show up.
    const outsider = await makeUser();
    const members = randomHistories(rand, ids);
    const rows = members.flatMap((m) => m.snapshots.map((s) => ({ userId: m.userId, ...s })));
    rows.push({ userId: outsider.id, measuredOn: START, brand: 25, people: 25, insights: 25, relationships: 25, total: 100 });
    await t.db().insert(snapshots).values(rows);
    const byId = new Map(members.map((m) => [m.userId, m]));

    const dates = ["2024-12-31", "2025-01-04", "2025-01-20", "2025-02-14", "2025-03-01", "2025-03-31", "2025-04-20"];
    let rankedSeen = 0;
    let tiesSeen = 0;
    let staleSeen = 0;
    let newSeen = 0;
    let movedSeen = 0;
    for (const asOf of dates) {
      for (const staleDays of [7, 14]) {
        for (const by of RANK_BY) {
          const expected = rankTeamWithChange(members, asOf, staleDays, by);
          const actual = await getTeamLeaderboard(team.owner, { asOf, by, staleDays });
          const where = `${asOf} window ${staleDays} by ${by}`;

          const ranked = actual.entries.filter((e) => e.status === "ranked");
          expect(ranked.map((e) => [e.userId, e.rank, e.value, e.rankChange, e.measuredOn, e.daysAgo]).sort(), where).toEqual(
            expected.ranked.map((e) => [e.userId, e.rank, e.value, e.change, e.measuredOn, e.daysAgo]).sort(),
          );
          expect(actual.entries.filter((e) => e.status === "stale").map((e) => [e.userId, e.daysAgo]).sort(), where).toEqual(
            expected.stale.map((e) => [e.userId, e.daysAgo]).sort(),
          );
          expect(actual.entries.filter((e) => e.status === "never").map((e) => e.userId).sort(), where).toEqual(
            expected.never.map((e) => e.userId).sort(),
          );
          // Listed in order: ranked by rank, then stale (most recent first), then never.
          const order = { ranked: 0, hidden: 1, stale: 2, never: 3 };
          const keys = actual.entries.map((e) => [order[e.status], e.rank ?? 0, e.daysAgo ?? 0] as const);
          const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
          expect(keys, where).toEqual(sorted);
          for (const e of actual.entries) {
            const m = byId.get(e.userId)!;
            const now = latestTotal(m, asOf);
            const before = latestTotal(m, addDays(asOf, -7));
            expect(e.totalChange, `${where} ${e.userId}`).toBe(now !== null && before !== null ? round3(now - before) : null);
          }
          expect(actual.memberCount).toBe(30);
          rankedSeen += ranked.length;
          tiesSeen += ranked.length - new Set(ranked.map((e) => e.rank)).size;
          staleSeen += actual.entries.filter((e) => e.status === "stale").length;
          newSeen += ranked.filter((e) => e.rankChange === "new").length;
          movedSeen += ranked.filter((e) => typeof e.rankChange === "number" && e.rankChange !== 0).length;
        }
      }
    }
    // The data must exercise the interesting cases, or the comparison proves little.
    expect(rankedSeen).toBeGreaterThan(300);
    expect(tiesSeen).toBeGreaterThan(50);
    expect(staleSeen).toBeGreaterThan(100);
    expect(newSeen).toBeGreaterThan(50);
    expect(movedSeen).toBeGreaterThan(50);
  });
});

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { challengeFinals, challenges, memberships, snapshots } from "../schema";
import { prng } from "../seed-large-data";
import { setupTestDatabase } from "../testing/test-db";
import { makeTeam, makeUser } from "../testing/factories";
import { getChallengeStandings } from "./challenge-standings";
import { createChallenge, getTeamChallenge } from "./challenges";
import { addDays } from "@/lib/dates";
import { isFinal, rankParticipants, rankTeams, type ChallengeKind, type Participant, type ScoredSnapshot } from "@/lib/challenges/rules";
import type { RankBy } from "@/lib/ranking";
import { round3 } from "@/lib/ssi";

const t = setupTestDatabase();

const FIRST = "2025-01-01";
const DAYS = 120;
const START = "2025-02-10";
const END = "2025-03-20";

function history(rand: () => number): ScoredSnapshot[] {
  const pick = (n: number) => Math.floor(rand() * n);
  // A coarse grid, so equal improvements (ties) are common.
  const component = () => [5, 10, 12.5, 15, 20, 24.875][pick(6)]!;
  const dates = new Set<string>();
  const count = rand() < 0.12 ? 0 : 1 + pick(8);
  while (dates.size < count) dates.add(addDays(FIRST, pick(DAYS)));
  return [...dates].map((measuredOn) => {
    const c = { brand: component(), people: component(), insights: component(), relationships: component() };
    return { measuredOn, ...c, total: round3(c.brand + c.people + c.insights + c.relationships) };
  });
}

describe(`challenge standings SQL vs lib/challenges/rules.ts on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("agrees with the reference on random teams, for every kind, metric, day and window", async () => {
    const rand = prng(20250601);
    const owners = [await makeUser({ name: "Host owner" }), await makeUser(), await makeUser()];
    const teams: { team: Awaited<ReturnType<typeof makeTeam>>; people: Participant[] }[] = [];
    for (const o of owners) teams.push({ team: await makeTeam(o.id), people: [] });
    const [host, rival, third] = teams.map((e) => e.team) as [(typeof teams)[0]["team"], (typeof teams)[0]["team"], (typeof teams)[0]["team"]];
    const rows: (ScoredSnapshot & { userId: string })[] = [];
    for (const [i, entry] of teams.entries()) {
      const size = [24, 12, 8][i]!;
      for (let k = 0; k < size; k++) {
        const u = k === 0 ? owners[i]! : await makeUser();
        // About a fifth join during the challenge; the owners were there from the first day.
        const joinedOn = k === 0 ? FIRST : rand() < 0.2 ? addDays(START, 1 + Math.floor(rand() * 30)) : FIRST;
        const joinedAt = new Date(`${joinedOn}T12:00:00Z`);
        if (k === 0) await t.db().update(memberships).set({ joinedAt }).where(eq(memberships.teamId, entry.team.id));
        else await t.db().insert(memberships).values({ teamId: entry.team.id, userId: u.id, joinedAt });
        const snaps = history(rand);
        entry.people.push({ userId: u.id, joinedOn, snapshots: snaps });
        rows.push(...snaps.map((s) => ({ userId: u.id, ...s })));
      }
    }
    await t.db().insert(snapshots).values(rows);

    const chosen = teams[0]!.people.filter((_, i) => i % 3 !== 1).map((p) => p.userId);
    const cases: { kind: ChallengeKind; metric: RankBy; target: number | null; all: boolean }[] = [
      { kind: "improved", metric: "total", target: null, all: true },
      { kind: "improved", metric: "insights", target: null, all: false },
      { kind: "race", metric: "total", target: 62.5, all: true },
      { kind: "race", metric: "people", target: 20, all: false },
      { kind: "versus", metric: "total", target: null, all: true },
      { kind: "versus", metric: "brand", target: null, all: true },
    ];
    let ranked = 0;
    let ties = 0;
    let unranked = 0;
    let joiners = 0;
    let reached = 0;
    for (const c of cases) {
      const id = await createChallenge(host.owner, {
        name: `${c.kind} ${c.metric}`,
        kind: c.kind,
        metric: c.metric,
        target: c.target,
        startsOn: START,
        endsOn: END,
        participants: c.all ? "all" : "chosen",
        participantIds: c.all ? [] : chosen,
        teamIds: c.kind === "versus" ? [rival.id, third.id] : [],
      });
      const challenge = (await getTeamChallenge(host.owner, id))!;
      for (const today of ["2025-02-09", START, "2025-02-25", END, "2025-04-30"]) {
        for (const staleDays of [7, 14]) {
          const rules = { kind: c.kind, metric: c.metric, target: c.target, startsOn: START, endsOn: END, staleDays };
          const where = `${c.kind}/${c.metric} ${today} window ${staleDays}`;
          // Past FINAL_AFTER_DAYS the first reading keeps the result (challenge_finals) and reads it back from
          // there: clear what an earlier window kept, so each window is cross-checked through that path too.
          if (isFinal(challenge, today)) {
            await t.db().delete(challengeFinals).where(eq(challengeFinals.challengeId, id));
            await t.db().update(challenges).set({ finalAt: null }).where(eq(challenges.id, id));
          }
          const actual = await getChallengeStandings(host.owner, challenge, { today, staleDays, timeZone: "UTC" });
          const hostPeople = teams[0]!.people.filter((p) => c.all || chosen.includes(p.userId));
          const expected = rankParticipants(hostPeople, rules, today);
          const key = (e: { userId: string; rank: number | null; baseline: { on: string; value: number } | null; improvement: number | null; reachedOn: string | null; distance: number | null; joiner: boolean }) =>
            JSON.stringify([e.userId, e.rank, e.baseline?.on ?? null, e.baseline?.value ?? null, e.improvement, e.reachedOn, e.distance, e.joiner]);
          expect(actual.entries.map(key).sort(), where).toEqual(expected.map(key).sort());
          expect(actual.entries.map((e) => e.current?.value ?? null).sort(), where).toEqual(expected.map((e) => e.current?.value ?? null).sort());
          // Listed in rank order, the unranked last.
          const order = actual.entries.map((e) => e.rank ?? Infinity);
          expect(order, where).toEqual([...order].sort((a, b) => a - b));
          if (c.kind === "versus") {
            const exp = rankTeams(teams.map((e) => ({ teamId: e.team.id, participants: e.people })), rules, today);
            expect(actual.teams.map((s) => [s.teamId, s.rank, s.average, s.counted, s.participants]).sort(), where).toEqual(
              exp.map((s) => [s.teamId, s.rank, s.average, s.counted, s.participants]).sort(),
            );
          }
          const r = actual.entries.filter((e) => e.rank !== null);
          ranked += r.length;
          ties += r.length - new Set(r.map((e) => e.rank)).size;
          unranked += actual.entries.length - r.length;
          joiners += actual.entries.filter((e) => e.joiner && e.baseline).length;
          reached += actual.entries.filter((e) => e.reachedOn).length;
        }
      }
    }
    // The data must exercise the interesting cases, or the comparison proves little.
    expect(ranked).toBeGreaterThan(300);
    expect(ties).toBeGreaterThan(40);
    expect(unranked).toBeGreaterThan(60);
    expect(joiners).toBeGreaterThan(10);
    expect(reached).toBeGreaterThan(10);
  });
});

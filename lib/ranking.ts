// Reference implementation of team ranking (DESIGN.md, "Team rank"). The app ranks in
// SQL; this exists so unit tests state the rules and integration tests can cross-check SQL.
import { addDays, daysBetween } from "@/lib/dates";
import { round3, type Component, type ComponentValues } from "@/lib/ssi";

export type RankBy = "total" | Component;
export const RANK_BY: readonly RankBy[] = ["total", "brand", "people", "insights", "relationships"];

export type RankableSnapshot = ComponentValues & { measuredOn: string; total: number };

export type RankableMember = { userId: string; snapshots: RankableSnapshot[] };

export type RankedEntry = {
  userId: string;
  rank: number;
  value: number;
  measuredOn: string;
  daysAgo: number;
};
export type StaleEntry = { userId: string; measuredOn: string; daysAgo: number };
export type TeamRanking = { ranked: RankedEntry[]; stale: StaleEntry[]; never: { userId: string }[] };

export type RankChange = number | "new";

/**
 * Standard competition ranks (1, 2, 2, 4), highest value first, in input order.
 * Values equal at stored precision (3 decimals) tie.
 */
export function competitionRanks(values: number[]): number[] {
  const rounded = values.map(round3);
  const sorted = [...rounded].sort((a, b) => b - a);
  const firstIndex = new Map<number, number>();
  sorted.forEach((v, i) => {
    if (!firstIndex.has(v)) firstIndex.set(v, i);
  });
  return rounded.map((v) => (firstIndex.get(v) ?? 0) + 1);
}

function latestAtOrBefore(snapshots: RankableSnapshot[], asOf: string): RankableSnapshot | undefined {
  let latest: RankableSnapshot | undefined;
  for (const s of snapshots) {
    // ISO dates compare correctly as strings.
    if (s.measuredOn <= asOf && (!latest || s.measuredOn > latest.measuredOn)) latest = s;
  }
  return latest;
}

const byUserId = (a: { userId: string }, b: { userId: string }) =>
  a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;

/**
 * Ranks members on their latest snapshot at or before `asOf`. A snapshot more than
 * `staleDays` days older than `asOf` is stale: listed, not ranked. Members with no
 * snapshot by `asOf` are listed as never submitted.
 */
export function rankTeam(
  members: RankableMember[],
  asOf: string,
  staleDays: number,
  by: RankBy = "total",
): TeamRanking {
  const fresh: Omit<RankedEntry, "rank">[] = [];
  const stale: StaleEntry[] = [];
  const never: { userId: string }[] = [];

  for (const m of members) {
    const latest = latestAtOrBefore(m.snapshots, asOf);
    if (!latest) {
      never.push({ userId: m.userId });
      continue;
    }
    const daysAgo = daysBetween(latest.measuredOn, asOf);
    if (daysAgo > staleDays) stale.push({ userId: m.userId, measuredOn: latest.measuredOn, daysAgo });
    else fresh.push({ userId: m.userId, value: round3(latest[by]), measuredOn: latest.measuredOn, daysAgo });
  }

  const ranks = competitionRanks(fresh.map((e) => e.value));
  const ranked = fresh
    .map((e, i) => ({ ...e, rank: ranks[i] ?? 0 }))
    .sort((a, b) => a.rank - b.rank || byUserId(a, b));

  return {
    ranked,
    stale: stale.sort((a, b) => a.daysAgo - b.daysAgo || byUserId(a, b)),
    never: never.sort(byUserId),
  };
}

/** Positive when the member moved up; "new" when they were not ranked a week earlier. */
export function rankChange(currentRank: number, previousRank: number | null | undefined): RankChange {
  return previousRank == null ? "new" : previousRank - currentRank;
}

/** rankTeam at `asOf`, each ranked entry annotated with its change against `asOf` − 7 days. */
export function rankTeamWithChange(
  members: RankableMember[],
  asOf: string,
  staleDays: number,
  by: RankBy = "total",
): Omit<TeamRanking, "ranked"> & { ranked: (RankedEntry & { change: RankChange })[] } {
  const now = rankTeam(members, asOf, staleDays, by);
  const weekAgo = rankTeam(members, addDays(asOf, -7), staleDays, by);
  const previous = new Map(weekAgo.ranked.map((e) => [e.userId, e.rank]));
  return {
    ...now,
    ranked: now.ranked.map((e) => ({ ...e, change: rankChange(e.rank, previous.get(e.userId)) })),
  };
}

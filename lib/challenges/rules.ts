// Challenge scoring rules, stated once. The app scores challenges in SQL (db/queries/challenge-standings.ts);
// this reference implementation states the rules for unit tests and is what integration tests cross-check
// the SQL against.
import { addDays, daysBetween } from "@/lib/dates";
import type { RankBy } from "@/lib/ranking";
import { round3, type ComponentValues } from "@/lib/ssi";

export const CHALLENGE_KINDS = ["improved", "race", "versus"] as const;
export type ChallengeKind = (typeof CHALLENGE_KINDS)[number];
export type ChallengeMetric = RankBy;

export type ScoredSnapshot = ComponentValues & { measuredOn: string; total: number };
/** A participant: their snapshots and the day (in the team's zone) they joined the team. */
export type Participant = { userId: string; joinedOn: string; snapshots: ScoredSnapshot[] };

export type ChallengeRules = {
  kind: ChallengeKind;
  metric: ChallengeMetric;
  /** Race only: the value to reach. */
  target: number | null;
  startsOn: string;
  endsOn: string;
  /** The team's staleness window: a baseline must be at most this many days older than the start. */
  staleDays: number;
};

export type Scored = {
  userId: string;
  /** Joined the team after the start: without an earlier baseline, theirs is their first score since the start. */
  joiner: boolean;
  baseline: { on: string; value: number } | null;
  current: { on: string; value: number } | null;
  /** Most improved: current − baseline. */
  improvement: number | null;
  /** Race: the date of the first score on or after the start at or above the target. */
  reachedOn: string | null;
  /** Race: how far the current value is below the target (0 when at or above). */
  distance: number | null;
  /** Competition rank (1, 2, 2, 4) among ranked participants; null when not ranked ("no starting score"). */
  rank: number | null;
};

/** The last day that counts: the end date, or today while the challenge is running. */
export const effectiveEnd = (c: Pick<ChallengeRules, "endsOn">, today: string) => (today < c.endsOn ? today : c.endsOn);

/**
 * Days after the end during which a late score (dated within the challenge) still counts; after them the
 * result is final and kept as it stood (db/queries/challenge-standings.ts freezes it on its first reading).
 */
export const FINAL_AFTER_DAYS = 3;

/** Whether the result is final today: the end is more than FINAL_AFTER_DAYS days ago. */
export const isFinal = (c: Pick<ChallengeRules, "endsOn">, today: string) => today > addDays(c.endsOn, FINAL_AFTER_DAYS);

export function challengePhase(c: Pick<ChallengeRules, "startsOn" | "endsOn">, today: string): "upcoming" | "running" | "ended" {
  return today < c.startsOn ? "upcoming" : today > c.endsOn ? "ended" : "running";
}

/** Days left including today (a challenge ending today has 1 day left); 0 once ended. */
export const daysLeft = (c: Pick<ChallengeRules, "endsOn">, today: string) => Math.max(0, daysBetween(today, c.endsOn) + 1);

const byDate = (a: ScoredSnapshot, b: ScoredSnapshot) => (a.measuredOn < b.measuredOn ? -1 : a.measuredOn > b.measuredOn ? 1 : 0);

/**
 * Baseline: the latest score on or before the start and at most `staleDays` older than it; without one, for
 * someone who joined the team after the start, their first score from the start on. None: "no starting score".
 * Current: the latest score up to the effective end, not older than the baseline window.
 */
export function scoreParticipant(p: Participant, c: ChallengeRules, today: string): Omit<Scored, "rank"> {
  const end = effectiveEnd(c, today);
  const earliest = addDays(c.startsOn, -c.staleDays);
  const snaps = p.snapshots.filter((s) => s.measuredOn >= earliest && s.measuredOn <= end).sort(byDate);
  const joiner = p.joinedOn > c.startsOn;
  const value = (s: ScoredSnapshot) => round3(s[c.metric]);
  const base = snaps.filter((s) => s.measuredOn <= c.startsOn).at(-1) ?? (joiner ? snaps.find((s) => s.measuredOn >= c.startsOn) : undefined);
  const cur = snaps.at(-1);
  const baseline = base ? { on: base.measuredOn, value: value(base) } : null;
  const current = cur ? { on: cur.measuredOn, value: value(cur) } : null;
  const reached = c.kind === "race" && c.target !== null ? snaps.find((s) => s.measuredOn >= c.startsOn && value(s) >= c.target!) : undefined;
  return {
    userId: p.userId,
    joiner,
    baseline,
    current,
    improvement: baseline && current ? round3(current.value - baseline.value) : null,
    reachedOn: reached?.measuredOn ?? null,
    distance: c.kind === "race" && c.target !== null && current ? round3(Math.max(0, c.target - current.value)) : null,
  };
}

/** Standard competition ranks over sort keys (smaller first, compared element by element). */
function ranksBy<T>(items: T[], key: (t: T) => (string | number)[]): Map<T, number> {
  const cmp = (a: (string | number)[], b: (string | number)[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
    return 0;
  };
  const sorted = [...items].sort((a, b) => cmp(key(a), key(b)));
  const out = new Map<T, number>();
  sorted.forEach((t, i) => out.set(t, i > 0 && cmp(key(sorted[i - 1]!), key(t)) === 0 ? out.get(sorted[i - 1]!)! : i + 1));
  return out;
}

/**
 * Most improved (and each team of a team-against-team challenge): ranked by improvement, highest first, among
 * participants with a baseline. Race: those who reached the target first, by the date reached; then everyone
 * with a current value, by distance left. Ties share a rank. Nobody is dropped: the unranked keep rank null.
 */
export function rankParticipants(participants: Participant[], c: ChallengeRules, today: string): Scored[] {
  const scored = participants.map((p) => scoreParticipant(p, c, today));
  const rankable =
    c.kind === "race" ? scored.filter((s) => s.current !== null) : scored.filter((s) => s.improvement !== null);
  const ranks =
    c.kind === "race"
      ? ranksBy(rankable, (s) => (s.reachedOn ? [0, s.reachedOn, 0] : [1, "", s.distance!]))
      : ranksBy(rankable, (s) => [-s.improvement!]);
  return scored
    .map((s) => ({ ...s, rank: ranks.get(s) ?? null }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}

/**
 * The mean of values with three decimals, rounded half away from zero to three decimals, computed exactly in
 * thousandths (what PostgreSQL's numeric round gives), so the SQL and this reference agree to the last digit.
 */
export function mean3(values: number[]): number | null {
  if (values.length === 0) return null;
  const sum = values.reduce((s, v) => s + Math.round(v * 1000), 0);
  const n = values.length;
  const q = Math.floor((2 * Math.abs(sum) + n) / (2 * n));
  return (Math.sign(sum) * q) / 1000 || 0;
}

export type TeamScore = { teamId: string; average: number | null; counted: number; noBaseline: number; participants: number; rank: number | null };

/** Team against team: each team's average improvement over its members with a baseline, highest first. */
export function rankTeams(teams: { teamId: string; participants: Participant[] }[], c: ChallengeRules, today: string): TeamScore[] {
  const scores = teams.map((t) => {
    const scored = t.participants.map((p) => scoreParticipant(p, c, today));
    const counted = scored.filter((s) => s.improvement !== null);
    return {
      teamId: t.teamId,
      average: mean3(counted.map((s) => s.improvement!)),
      counted: counted.length,
      noBaseline: scored.length - counted.length,
      participants: scored.length,
    };
  });
  const rankable = scores.filter((s) => s.average !== null);
  const ranks = ranksBy(rankable, (s) => [-s.average!]);
  return scores
    .map((s) => ({ ...s, rank: ranks.get(s) ?? null }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.teamId < b.teamId ? -1 : 1));
}

import { challengeSummary, formatImprovement, formatValue, timeLeftLabel } from "./describe";
import { challengePhase, type ChallengeKind, type ChallengeMetric } from "./rules";
import type { ChallengeStandings } from "./standings-types";
import { winnersOf } from "./winners";

export type ChallengeCardData = {
  id: string;
  name: string;
  summary: string;
  phase: "upcoming" | "running" | "ended";
  timeLeft: string;
  /** Rank 1 (people, or teams for team against team); the winners once ended. */
  leaders: string[];
  /** What the leaders have: "+8.00", "reached 12 Mar", "6.0 to go". */
  leaderResult: string | null;
  /** The viewer's place: their rank, their team's rank (team against team), or null when not ranked. */
  you: { rank: number | null; takesPart: boolean; ofTeam: boolean };
};

type Card = { id: string; name: string; kind: ChallengeKind; metric: ChallengeMetric; target: number | null; startsOn: string; endsOn: string };

/** What the board's strip, the challenge list and the TV screen show of a challenge. */
export function challengeCard(c: Card, standings: ChallengeStandings, today: string): ChallengeCardData {
  const leaders = winnersOf(c, standings);
  let leaderResult: string | null = null;
  if (c.kind === "versus") {
    const top = standings.teams.find((t) => t.rank === 1);
    leaderResult = top ? formatImprovement(top.average) : null;
  } else {
    const top = standings.entries.find((e) => e.rank === 1);
    if (top && c.kind === "race") leaderResult = top.reachedOn ? "reached the target" : `${formatValue(top.distance, c.metric)} to go`;
    else if (top) leaderResult = formatImprovement(top.improvement);
  }
  const me = standings.entries.find((e) => e.isViewer);
  const myTeam = standings.teams.find((t) => t.isViewerTeam);
  return {
    id: c.id,
    name: c.name,
    summary: challengeSummary(c),
    phase: challengePhase(c, today),
    timeLeft: timeLeftLabel(c, today),
    leaders,
    leaderResult,
    you: c.kind === "versus" ? { rank: myTeam?.rank ?? null, takesPart: !!myTeam, ofTeam: true } : { rank: me?.rank ?? null, takesPart: !!me, ofTeam: false },
  };
}

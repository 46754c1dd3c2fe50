import type { ChallengeStandings } from "./standings-types";
import type { ChallengeKind } from "./rules";

/**
 * The names at rank 1 (several on a tie): the winning teams of a team-against-team challenge, else the
 * winning people of the viewer's team. Empty when nobody could be ranked.
 */
export function winnersOf(challenge: { kind: ChallengeKind }, standings: Pick<ChallengeStandings, "entries" | "teams">): string[] {
  if (challenge.kind === "versus") return standings.teams.filter((t) => t.rank === 1).map((t) => t.name);
  return standings.entries.filter((e) => e.rank === 1).map((e) => e.name);
}

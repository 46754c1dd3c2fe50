import type { ChallengeStandings } from "./standings-types";
import type { ChallengeKind } from "./rules";

/**
 * The names at rank 1 (several on a tie): the winning teams of a team-against-team challenge, else the
 * winning people of the viewer's team. Empty when nobody could be ranked. `nameOf` renames people (the team
 * channel names only those who agreed to it).
 */
export function winnersOf(
  challenge: { kind: ChallengeKind },
  standings: Pick<ChallengeStandings, "entries" | "teams">,
  nameOf: (entry: { userId: string; name: string }) => string = (e) => e.name,
): string[] {
  if (challenge.kind === "versus") return standings.teams.filter((t) => t.rank === 1).map((t) => t.name);
  return standings.entries.filter((e) => e.rank === 1).map(nameOf);
}

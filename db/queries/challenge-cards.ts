import { getCurrentChallengeStandings } from "./challenge-standings";
import { listTeamChallenges } from "./challenges";
import { challengeCard, type ChallengeCardData } from "@/lib/challenges/cards";
import { challengePhase } from "@/lib/challenges/rules";
import { todayInZone } from "@/lib/dates";
import type { TeamAccess } from "@/lib/team-access";

export type { ChallengeCardData } from "@/lib/challenges/cards";

/** How many ended challenges the list shows (newest first). */
const PAST_LIMIT = 12;

/**
 * The team's challenges as cards with their leaders, by phase: running, upcoming, and the latest ended ones
 * with their winners. `only: "running"` for the board's strip and the TV screen. Standings are cached.
 */
export async function getChallengeCards(access: TeamAccess, opts: { only?: "running" } = {}) {
  const all = await listTeamChallenges(access);
  const phased = all.map((c) => ({ c, today: todayInZone(c.teams[0]!.timeZone) })).map((x) => ({ ...x, phase: challengePhase(x.c, x.today) }));
  const wanted = opts.only ? phased.filter((x) => x.phase === opts.only) : [...phased.filter((x) => x.phase !== "ended"), ...phased.filter((x) => x.phase === "ended").slice(0, PAST_LIMIT)];
  const cards: ChallengeCardData[] = [];
  for (const x of wanted) cards.push(challengeCard(x.c, await getCurrentChallengeStandings(access, x.c), x.today));
  return {
    // Listed by end date, latest first: the running and upcoming ones read better soonest first.
    running: cards.filter((c) => c.phase === "running").reverse(),
    upcoming: cards.filter((c) => c.phase === "upcoming").reverse(),
    ended: cards.filter((c) => c.phase === "ended"),
    endedTotal: phased.filter((x) => x.phase === "ended").length,
  };
}

import { getCurrentChallengeStandings } from "@/db/queries/challenge-standings";
import { listTeamChallenges } from "@/db/queries/challenges";
import { getTeamLeaderboard } from "@/db/queries/leaderboard";
import { challengeCard } from "@/lib/challenges/cards";
import { challengePhase } from "@/lib/challenges/rules";
import { addDays, todayInZone } from "@/lib/dates";
import type { TeamAccess } from "@/lib/team-access";

/** Today's board and yesterday's, for the TV screen's movement since yesterday. */
export async function loadTvBoards(access: TeamAccess, team: { timeZone: string; staleDays: number; dataVersion: number }) {
  const today = todayInZone(team.timeZone);
  const [now, before] = await Promise.all([
    getTeamLeaderboard(access, { asOf: today, by: "total", staleDays: team.staleDays, version: team.dataVersion }),
    getTeamLeaderboard(access, { asOf: addDays(today, -1), by: "total", staleDays: team.staleDays, version: team.dataVersion }),
  ]);
  const renderedAt = new Intl.DateTimeFormat("en-GB", { timeZone: team.timeZone, hour: "2-digit", minute: "2-digit", second: "2-digit" }).format(new Date());
  return { now, before, renderedAt };
}

/** The running challenges with their standings, for the TV screen's rotation (ending soonest first). */
export async function loadTvChallenges(access: TeamAccess) {
  const running = (await listTeamChallenges(access)).filter((c) => challengePhase(c, todayInZone(c.teams[0]!.timeZone)) === "running").reverse();
  return Promise.all(
    running.map(async (c) => {
      const standings = await getCurrentChallengeStandings(access, c);
      return { card: challengeCard(c, standings, todayInZone(c.teams[0]!.timeZone)), standings, kind: c.kind, metric: c.metric };
    }),
  );
}

/** Refresh period from the query string: 60 s by default, 5–3600 s accepted. */
export function refreshSeconds(value: unknown): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 5 && n <= 3600 ? n : 60;
}

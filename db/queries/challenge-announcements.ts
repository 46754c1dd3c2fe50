import { getCurrentChallengeStandings } from "./challenge-standings";
import { listTeamChallenges } from "./challenges";
import { addDays } from "@/lib/dates";
import { challengeAnnouncements, type ChallengeAnnouncement } from "@/lib/challenges/announcements";
import { winnersOf } from "@/lib/challenges/winners";
import type { TeamAccess } from "@/lib/team-access";

/**
 * The team's challenge announcements for a digest sent on `sendDay`, with the winners of those that ended.
 * `nameOf` renames winning people (the team channel's posts name only members who agreed to it).
 */
export async function getDigestChallengeAnnouncements(
  access: TeamAccess,
  sendDay: string,
  nameOf?: (entry: { userId: string; name: string }) => string,
): Promise<ChallengeAnnouncement[]> {
  // Only challenges that can be announced: ended in the last 7 days, or not ended yet.
  const list = (await listTeamChallenges(access)).filter((c) => c.endsOn >= addDays(sendDay, -7));
  const winners = new Map<string, string[]>();
  for (const c of list) {
    if (c.endsOn < sendDay) winners.set(c.id, winnersOf(c, await getCurrentChallengeStandings(access, c), nameOf));
  }
  return challengeAnnouncements(list, sendDay, winners);
}

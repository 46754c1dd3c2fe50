import type { ChallengeAnnouncement } from "./announcements";

/**
 * HOOK for the team channel (Slack / Teams, lib/channels/): called with every challenge announcement of a
 * team's digest once that digest is enqueued, and when a challenge is created. It posts nothing yet: the
 * channel feature was built in parallel and this branch does not depend on it. To wire it, post
 * `announcement.text` with a link to `/t/{slug}/challenges/{announcement.challengeId}` to the team's connected
 * channel here, through the outbox like the channel's other posts (an outage delays a post, never loses or
 * repeats it).
 */
export async function announceChallengeOnTeamChannel(
  team: { id: string; slug: string },
  announcement: ChallengeAnnouncement | { challengeId: string; name: string; event: "created"; text: string },
): Promise<void> {
  void team;
  void announcement;
}

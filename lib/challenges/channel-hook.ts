import type { ChallengeAnnouncement } from "./announcements";

/**
 * HOOK for the team channel (Slack / Teams), which is being built separately (branch `channels`): called with
 * every challenge announcement of a team's digest once that digest is enqueued, and when a challenge is created.
 * It posts nothing yet. When channels land, post `announcement.text` with a link to
 * `/t/{slug}/challenges/{announcement.challengeId}` to the team's channel here (through the channel outbox, so
 * an outage delays the post and never loses or repeats it).
 */
export async function announceChallengeOnTeamChannel(
  team: { id: string; slug: string },
  announcement: ChallengeAnnouncement | { challengeId: string; name: string; event: "created"; text: string },
): Promise<void> {
  void team;
  void announcement;
}

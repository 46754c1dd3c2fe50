import { listTeamReminderRecipients, recordTeamReminders, reminderKeyPrefix } from "@/db/queries/dashboard-reminders";
import { teamReminderEmail } from "@/lib/mail/templates";
import { unsubscribeFor } from "@/lib/mail/unsubscribe";
import type { TeamAccess } from "@/lib/team-access";

/**
 * Queues a "record your SSI" reminder for each of these members (others are ignored), at most one per person
 * per team week, audited in the same transaction. People who turned reminders from managers off get none.
 * Each one carries its unsubscribe link and List-Unsubscribe headers, like every list email. Returns how many
 * were newly queued, already queued, and skipped for that preference.
 */
export async function enqueueReminders(
  access: TeamAccess,
  opts: { userIds: string[]; weekStart: string; teamName: string; teamSlug: string; origin: string; senderName: string },
): Promise<{ queued: number; alreadyQueued: number; optedOut: number }> {
  const recipients = await listTeamReminderRecipients(access, opts.userIds);
  const wanted = recipients.filter((r) => r.enabled);
  const emails = wanted.map((r) => {
    const unsubscribe = unsubscribeFor(opts.origin, r.userId, "team-reminders");
    const mail = teamReminderEmail({
      name: r.name,
      senderName: opts.senderName,
      teamName: opts.teamName,
      submitUrl: `${opts.origin}/t/${opts.teamSlug}/submit`,
      unsubscribeUrl: unsubscribe.pageUrl,
    });
    return {
      dedupeKey: `${reminderKeyPrefix(access.teamId, opts.weekStart)}${r.userId}`,
      kind: "reminder",
      to: r.email,
      ...mail,
      headers: unsubscribe.headers,
      teamId: access.teamId,
      userId: r.userId,
    };
  });
  const queued = await recordTeamReminders(access, opts.weekStart, emails);
  return { queued, alreadyQueued: wanted.length - queued, optedOut: recipients.length - wanted.length };
}

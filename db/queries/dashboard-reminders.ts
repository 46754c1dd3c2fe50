import { and, eq, inArray, like } from "drizzle-orm";
import { database } from "../client";
import { memberships, outbox, users } from "../schema";
import { writeAudit } from "./audit";
import { enqueueEmail, type OutgoingEmail } from "./outbox";
import type { TeamAccess } from "@/lib/team-access";

export const reminderKeyPrefix = (teamId: string, weekStart: string) => `reminder:${teamId}:${weekStart}:`;

/** Members of the team who already have a reminder for this team week waiting in the outbox (not sent yet). */
export async function listPendingReminders(access: TeamAccess, weekStart: string): Promise<Set<string>> {
  const db = await database();
  const rows = await db
    .select({ userId: outbox.userId })
    .from(outbox)
    .where(
      and(
        eq(outbox.teamId, access.teamId),
        eq(outbox.kind, "reminder"),
        eq(outbox.status, "pending"),
        like(outbox.dedupeKey, `${reminderKeyPrefix(access.teamId, weekStart)}%`),
      ),
    )
    // Prepared (parsed and planned once per connection): every view of a dashboard makes this read, cached or not.
    .prepare("pending_reminders")
    .execute();
  return new Set(rows.flatMap((r) => (r.userId ? [r.userId] : [])));
}

/** These members of the team (others are ignored) as reminder recipients, with whether they take reminders from managers. */
export async function listTeamReminderRecipients(access: TeamAccess, userIds: string[]) {
  if (userIds.length === 0) return [];
  const db = await database();
  return db
    .select({ userId: users.id, name: users.name, email: users.email, enabled: users.teamRemindersEnabled })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.teamId, access.teamId), inArray(memberships.userId, userIds)));
}

/**
 * Queues the rendered reminders (at most one per person per team week: the outbox dedupe key), each newly
 * queued one audited in the same transaction. Returns how many were newly queued.
 */
export async function recordTeamReminders(access: TeamAccess, weekStart: string, emails: (OutgoingEmail & { userId: string })[]): Promise<number> {
  if (emails.length === 0) return 0;
  const db = await database();
  return db.transaction(async (tx) => {
    let queued = 0;
    for (const mail of emails) {
      if (!(await enqueueEmail(tx, mail))) continue;
      queued++;
      await writeAudit(tx, { teamId: access.teamId, actorId: access.userId, subjectId: mail.userId, action: "reminder.send", details: { weekStart } });
    }
    return queued;
  });
}

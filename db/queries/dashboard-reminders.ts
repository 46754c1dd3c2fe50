import { and, eq, inArray, like } from "drizzle-orm";
import { database } from "../client";
import { memberships, outbox, users } from "../schema";
import { writeAudit } from "./audit";
import { enqueueEmail } from "./outbox";
import { teamReminderEmail } from "@/lib/mail/templates";
import { unsubscribeFor } from "@/lib/mail/unsubscribe";
import type { TeamAccess } from "@/lib/team-access";

const reminderKeyPrefix = (teamId: string, weekStart: string) => `reminder:${teamId}:${weekStart}:`;

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
    );
  return new Set(rows.flatMap((r) => (r.userId ? [r.userId] : [])));
}

/**
 * Queues a "record your SSI" reminder for each of these members (others are ignored), at most one per person
 * per team week (the outbox dedupe key), audited in the same transaction. People who turned reminders from
 * managers off get none. Each one carries its unsubscribe link and List-Unsubscribe headers, like every list
 * email. Returns how many were newly queued, already queued, and skipped for that preference.
 */
export async function enqueueReminders(
  access: TeamAccess,
  opts: { userIds: string[]; weekStart: string; teamName: string; teamSlug: string; origin: string; senderName: string },
): Promise<{ queued: number; alreadyQueued: number; optedOut: number }> {
  if (opts.userIds.length === 0) return { queued: 0, alreadyQueued: 0, optedOut: 0 };
  const db = await database();
  return db.transaction(async (tx) => {
    const recipients = await tx
      .select({ userId: users.id, name: users.name, email: users.email, enabled: users.teamRemindersEnabled })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.teamId, access.teamId), inArray(memberships.userId, opts.userIds)));
    const wanted = recipients.filter((r) => r.enabled);
    let queued = 0;
    for (const r of wanted) {
      const unsubscribe = unsubscribeFor(opts.origin, r.userId, "team-reminders");
      const mail = teamReminderEmail({
        name: r.name,
        senderName: opts.senderName,
        teamName: opts.teamName,
        submitUrl: `${opts.origin}/t/${opts.teamSlug}/submit`,
        unsubscribeUrl: unsubscribe.pageUrl,
      });
      const fresh = await enqueueEmail(tx, {
        dedupeKey: `${reminderKeyPrefix(access.teamId, opts.weekStart)}${r.userId}`,
        kind: "reminder",
        to: r.email,
        ...mail,
        headers: unsubscribe.headers,
        teamId: access.teamId,
        userId: r.userId,
      });
      if (!fresh) continue;
      queued++;
      await writeAudit(tx, {
        teamId: access.teamId,
        actorId: access.userId,
        subjectId: r.userId,
        action: "reminder.send",
        details: { weekStart: opts.weekStart },
      });
    }
    return { queued, alreadyQueued: wanted.length - queued, optedOut: recipients.length - wanted.length };
  });
}

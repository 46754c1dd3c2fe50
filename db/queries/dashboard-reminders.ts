import { and, eq, inArray, like } from "drizzle-orm";
import { database } from "../client";
import { memberships, outbox, users } from "../schema";
import { writeAudit } from "./audit";
import { enqueueEmail } from "./outbox";
import type { TeamAccess } from "@/lib/team-access";

const reminderKeyPrefix = (teamId: string, weekStart: string) => `reminder:${teamId}:${weekStart}:`;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);

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
 * per team week (the outbox dedupe key), audited in the same transaction. Returns how many were newly queued.
 */
export async function enqueueReminders(
  access: TeamAccess,
  opts: { userIds: string[]; weekStart: string; teamName: string; submitUrl: string; senderName: string },
): Promise<{ queued: number; alreadyQueued: number }> {
  if (opts.userIds.length === 0) return { queued: 0, alreadyQueued: 0 };
  const db = await database();
  return db.transaction(async (tx) => {
    const recipients = await tx
      .select({ userId: users.id, name: users.name, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.teamId, access.teamId), inArray(memberships.userId, opts.userIds)));
    let queued = 0;
    for (const r of recipients) {
      const first = (r.name ?? "").trim().split(/\s+/)[0] || "there";
      const text = [
        `Hi ${first},`,
        "",
        `${opts.senderName} asked for your LinkedIn SSI for this week in ${opts.teamName}.`,
        "It takes a minute: open your Social Selling Index on LinkedIn and record it here:",
        opts.submitUrl,
      ].join("\n");
      const html =
        `<p>Hi ${escapeHtml(first)},</p>` +
        `<p>${escapeHtml(opts.senderName)} asked for your LinkedIn SSI for this week in <strong>${escapeHtml(opts.teamName)}</strong>.</p>` +
        `<p>It takes a minute: open your Social Selling Index on LinkedIn and <a href="${escapeHtml(opts.submitUrl)}">record it here</a>.</p>`;
      const fresh = await enqueueEmail(tx, {
        dedupeKey: `${reminderKeyPrefix(access.teamId, opts.weekStart)}${r.userId}`,
        kind: "reminder",
        to: r.email,
        subject: `Reminder: record your SSI for ${opts.teamName}`,
        text,
        html,
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
    return { queued, alreadyQueued: recipients.length - queued };
  });
}

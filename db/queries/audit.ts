import { desc, eq } from "drizzle-orm";
import { database, type Tx } from "../client";
import { auditLog, users } from "../schema";
import type { TeamAccess } from "@/lib/team-access";

export type AuditAction =
  | "team.create"
  | "team.update"
  | "team.delete"
  | "member.join"
  | "member.role"
  | "member.remove"
  | "member.leave"
  | "team.transfer"
  | "invite.create"
  | "invite.revoke"
  | "snapshot.replace"
  | "snapshot.delete"
  | "snapshot.enter_for_member"
  | "snapshot.import"
  | "reminder.send"
  | "tv.link_create"
  | "tv.link_revoke"
  | "channel.connect"
  | "channel.update"
  | "channel.disconnect"
  | "challenge.create"
  | "challenge.update";

/** Records who did what to whom; written inside the transaction of the change itself. */
export async function writeAudit(
  tx: Tx,
  entry: { teamId: string | null; actorId: string; subjectId?: string | null; action: AuditAction; details?: Record<string, unknown> },
) {
  await tx.insert(auditLog).values({
    teamId: entry.teamId,
    actorId: entry.actorId,
    subjectId: entry.subjectId ?? null,
    action: entry.action,
    details: entry.details ?? {},
  });
}

/** The team's most recent audit entries, newest first, with the actor's name. */
export async function listTeamAudit(access: TeamAccess, limit = 50) {
  const db = await database();
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      details: auditLog.details,
      createdAt: auditLog.createdAt,
      actorName: users.name,
      subjectId: auditLog.subjectId,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(eq(auditLog.teamId, access.teamId))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);
}

import { and, count, eq, gt, isNull, sql } from "drizzle-orm";
import { database } from "../client";
import { auditLog, invitations, memberships, snapshots } from "../schema";
import type { TeamAccess } from "@/lib/team-access";

/** Which first steps a new team has done: invited someone, the viewer recorded a score, digest timing chosen. */
export async function getOnboardingStatus(access: TeamAccess) {
  const db = await database();
  const [[members], [invites], [mine], [settings]] = await Promise.all([
    db.select({ n: count() }).from(memberships).where(eq(memberships.teamId, access.teamId)),
    db
      .select({ n: count() })
      .from(invitations)
      .where(and(eq(invitations.teamId, access.teamId), isNull(invitations.revokedAt), gt(invitations.expiresAt, sql`now()`))),
    db.select({ n: count() }).from(snapshots).where(eq(snapshots.userId, access.userId)),
    db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.teamId, access.teamId), eq(auditLog.action, "team.update"))),
  ]);
  return {
    invited: Number(members?.n ?? 0) > 1 || Number(invites?.n ?? 0) > 0,
    recorded: Number(mine?.n ?? 0) > 0,
    digestSet: Number(settings?.n ?? 0) > 0,
  };
}

import { randomBytes } from "node:crypto";
import { and, desc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import { database, type Tx } from "../client";
import { invitations, memberships, teams, users, type Role } from "../schema";
import { writeAudit } from "./audit";
import { enqueueEmail, redactSecrets } from "./outbox";
import { normalizeEmail } from "./users";
import type { RenderedEmail } from "@/lib/mail/templates";
import type { TeamAccess } from "@/lib/team-access";
import { sha256Hex } from "@/lib/hash";

const hashToken = sha256Hex;
/** The outbox dedupe key of an invitation's email. */
const mailKey = (invitationId: string) => `invitation:${invitationId}`;

/** A fresh secret for an invitation link. */
export const newInvitationToken = () => randomBytes(24).toString("base64url");

/** When an invitation made now for this many days stops working. */
export const invitationExpiry = (days: number) => new Date(Date.now() + days * 86_400_000);

/** The team's name and the inviter's, for the invitation email. */
export async function getInvitationContext(access: TeamAccess): Promise<{ teamName: string; inviterName: string | null }> {
  const db = await database();
  const [ctx] = await db
    .select({ teamName: teams.name, inviterName: users.name })
    .from(teams)
    .leftJoin(users, eq(users.id, access.userId))
    .where(eq(teams.id, access.teamId));
  return { teamName: ctx?.teamName ?? "your team", inviterName: ctx?.inviterName ?? null };
}

export type InvitationStatus = "valid" | "expired" | "revoked" | "used";

export type InvitationInput = { email: string | null; role: Exclude<Role, "owner">; expiresInDays: number };
/** The link's token and expiry when the caller made them (to put them in the email), and the rendered email. */
export type InvitationExtras = { token?: string; expiresAt?: Date; mail?: RenderedEmail };
type CreatedInvitation = { id: string; token: string; expiresAt: Date; emailQueued: boolean };

/**
 * Creates an invitation and returns the secret token for the link (only its hash is stored). With an email,
 * the link works once and only for that person; without one it is a join link for anyone until it expires.
 * A new email invitation replaces (revokes) an older pending one for the same address. Given its rendered
 * email (server/invitations.ts, with `token` and `expiresAt` in the link), an email invitation is also written
 * to the outbox in the same transaction.
 */
export async function createInvitation(access: TeamAccess, input: InvitationInput, opts: InvitationExtras = {}): Promise<CreatedInvitation> {
  const db = await database();
  return db.transaction((tx) => insertInvitation(tx, access, input, opts));
}

/** Creates many invitations, each as createInvitation does, all in one transaction: all of them or none. */
export async function createInvitations(access: TeamAccess, items: { input: InvitationInput; opts: InvitationExtras }[]): Promise<CreatedInvitation[]> {
  const db = await database();
  return db.transaction(async (tx) => {
    const out: CreatedInvitation[] = [];
    for (const { input, opts } of items) out.push(await insertInvitation(tx, access, input, opts));
    return out;
  });
}

async function insertInvitation(tx: Tx, access: TeamAccess, input: InvitationInput, opts: InvitationExtras): Promise<CreatedInvitation> {
  const token = opts.token ?? newInvitationToken();
  const email = input.email ? normalizeEmail(input.email) : null;
  const expiresAt = opts.expiresAt ?? invitationExpiry(input.expiresInDays);
  if (email) {
    const replaced = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.teamId, access.teamId), eq(invitations.email, email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    await redactSecrets(tx, replaced.map((r) => mailKey(r.id)));
  }
  const [row] = await tx
    .insert(invitations)
    .values({ teamId: access.teamId, email, role: input.role, tokenHash: hashToken(token), createdBy: access.userId, expiresAt })
    .returning({ id: invitations.id });
  await writeAudit(tx, {
    teamId: access.teamId,
    actorId: access.userId,
    action: "invite.create",
    details: { email, role: input.role, kind: email ? "email" : "link", expiresAt: expiresAt.toISOString() },
  });
  let emailQueued = false;
  if (email && opts.mail) {
    emailQueued = await enqueueEmail(tx, { dedupeKey: mailKey(row!.id), kind: "invitation", to: email, ...opts.mail, teamId: access.teamId, userId: null, secret: token });
  }
  return { id: row!.id, token, expiresAt, emailQueued };
}

/**
 * Of these (normalized) addresses, which belong to members of the team and which have a pending email
 * invitation to it. Only the team's own members and invitations are looked at, so the answer reveals nothing
 * about accounts elsewhere.
 */
export async function findInvitees(access: TeamAccess, emails: string[]): Promise<{ members: Set<string>; pending: Set<string> }> {
  const db = await database();
  const members = new Set<string>();
  const pending = new Set<string>();
  if (emails.length === 0) return { members, pending };
  const [memberRows, pendingRows] = await Promise.all([
    db
      .select({ email: users.email })
      .from(users)
      .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.teamId, access.teamId)))
      .where(inArray(users.email, emails)),
    db
      .select({ email: invitations.email })
      .from(invitations)
      .where(
        and(
          eq(invitations.teamId, access.teamId),
          inArray(invitations.email, emails),
          isNull(invitations.revokedAt),
          isNull(invitations.acceptedAt),
          gt(invitations.expiresAt, sql`now()`),
        ),
      ),
  ]);
  for (const r of memberRows) members.add(r.email);
  for (const r of pendingRows) if (r.email) pending.add(r.email);
  return { members, pending };
}

/** Pending invitations and join links (not revoked, not used, not expired), newest first. */
export async function listPendingInvitations(access: TeamAccess) {
  const db = await database();
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt, createdAt: invitations.createdAt })
    .from(invitations)
    .where(
      and(
        eq(invitations.teamId, access.teamId),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, sql`now()`),
        or(isNull(invitations.email), isNull(invitations.acceptedAt)),
      ),
    )
    .orderBy(desc(invitations.createdAt));
}

/** Revokes an invitation of this team; false when there is no such pending invitation. */
export async function revokeInvitation(access: TeamAccess, id: string): Promise<boolean> {
  const db = await database();
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, id), eq(invitations.teamId, access.teamId), isNull(invitations.revokedAt)))
      .returning({ email: invitations.email });
    if (rows.length === 0) return false;
    await redactSecrets(tx, [mailKey(id)]);
    await writeAudit(tx, { teamId: access.teamId, actorId: access.userId, action: "invite.revoke", details: { id, email: rows[0]!.email } });
    return true;
  });
}

function statusOf(inv: { revokedAt: Date | null; acceptedAt: Date | null; email: string | null; expiresAt: Date }, now = new Date()): InvitationStatus {
  if (inv.revokedAt) return "revoked";
  if (inv.email && inv.acceptedAt) return "used";
  if (inv.expiresAt <= now) return "expired";
  return "valid";
}

/** What an invitation link leads to, for the invitation page; null when the token matches nothing. */
export async function getInvitationByToken(token: string) {
  const db = await database();
  const [row] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      revokedAt: invitations.revokedAt,
      acceptedAt: invitations.acceptedAt,
      teamId: teams.id,
      teamName: teams.name,
      teamSlug: teams.slug,
      invitedBy: users.name,
    })
    .from(invitations)
    .innerJoin(teams, eq(teams.id, invitations.teamId))
    .leftJoin(users, eq(users.id, invitations.createdBy))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .limit(1);
  return row ? { ...row, status: statusOf(row) } : null;
}

export type AcceptResult =
  | { ok: true; teamSlug: string; alreadyMember: boolean }
  | { ok: false; reason: "not_found" | Exclude<InvitationStatus, "valid"> | "wrong_email" | "unproved_email" };

/**
 * Accepts an invitation for a signed-in person, atomically: an email invitation can be used once, and only by
 * the account that has proved it receives mail at the invited address (read from the database, not the session).
 */
export async function acceptInvitation(token: string, user: { id: string }): Promise<AcceptResult> {
  const db = await database();
  return db.transaction(async (tx): Promise<AcceptResult> => {
    const [inv] = await tx
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, hashToken(token)))
      .for("update");
    if (!inv) return { ok: false, reason: "not_found" };
    const status = statusOf(inv);
    if (status !== "valid") return { ok: false, reason: status as Exclude<InvitationStatus, "valid"> };
    if (inv.email) {
      const [me] = await tx.select({ email: users.email, emailVerified: users.emailVerified }).from(users).where(eq(users.id, user.id));
      if (!me || me.email !== inv.email) return { ok: false, reason: "wrong_email" };
      if (!me.emailVerified) return { ok: false, reason: "unproved_email" };
    }
    const [team] = await tx.select({ slug: teams.slug }).from(teams).where(eq(teams.id, inv.teamId));
    const inserted = await tx
      .insert(memberships)
      .values({ teamId: inv.teamId, userId: user.id, role: inv.role })
      .onConflictDoNothing()
      .returning({ userId: memberships.userId });
    if (inv.email) {
      await tx.update(invitations).set({ acceptedAt: new Date(), acceptedBy: user.id }).where(eq(invitations.id, inv.id));
      await redactSecrets(tx, [mailKey(inv.id)]);
    }
    if (inserted.length > 0) {
      await writeAudit(tx, { teamId: inv.teamId, actorId: user.id, subjectId: user.id, action: "member.join", details: { invitationId: inv.id, role: inv.role } });
    }
    return { ok: true, teamSlug: team!.slug, alreadyMember: inserted.length === 0 };
  });
}

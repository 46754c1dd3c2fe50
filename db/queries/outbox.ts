import { and, desc, eq, inArray, isNotNull, isNull, ne, or, sql } from "drizzle-orm";
import { database, queryRows, type Db, type Tx } from "../client";
import { memberships, outbox, teams } from "../schema";

export type OutgoingEmail = {
  /** Idempotency: enqueueing the same key twice keeps the first message (e.g. `digest:<team>:<week>:<user>`). */
  dedupeKey: string;
  kind: "digest" | "invitation" | "reminder" | "magic_link" | "email_proof" | (string & {});
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  teamId?: string | null;
  userId?: string | null;
  /** "email" (the default), or a post to the team's Slack / Teams channel (`text` is then the JSON body). */
  channel?: "email" | "slack" | "teams";
  /** The one-time token in the body's link, blanked out of the stored body once it is no use to anyone. */
  secret?: string | null;
};

/** What a blanked-out token reads as in a stored body (the link then leads to "not valid"). */
export const REDACTED_TOKEN = "token-removed";

/**
 * Writes an email to the outbox. Pass the transaction of the work that caused it, so the email exists exactly
 * when that work committed. Returns false when a message with the same dedupe key was already there.
 */
export async function enqueueEmail(tx: Db | Tx | null, msg: OutgoingEmail): Promise<boolean> {
  return (await enqueueEmails(tx ?? (await database()), [msg])) > 0;
}

/** Many emails in one statement per chunk (a digest run enqueues one per recipient); returns how many were new. */
export async function enqueueEmails(tx: Db | Tx, msgs: OutgoingEmail[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < msgs.length; i += 500) {
    const chunk = msgs.slice(i, i + 500);
    const rows = await tx
      .insert(outbox)
      .values(
        chunk.map((msg) => ({
          dedupeKey: msg.dedupeKey,
          kind: msg.kind,
          toEmail: msg.to.toLowerCase(),
          subject: msg.subject,
          html: msg.html,
          text: msg.text,
          headers: msg.headers ?? {},
          teamId: msg.teamId ?? null,
          userId: msg.userId ?? null,
          channel: msg.channel ?? "email",
          secret: msg.secret ?? null,
        })),
      )
      .onConflictDoNothing({ target: outbox.dedupeKey })
      .returning({ id: outbox.id });
    inserted += rows.length;
  }
  return inserted;
}

export type ClaimedMessage = {
  id: number;
  kind: string;
  toEmail: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  attempts: number;
  channel: string;
  teamId: string | null;
};

/**
 * Claims up to `limit` due messages for one sender: pending, due, and not held by another sender's lease (a
 * lease that ran out means that sender died; its messages are taken over). One statement, FOR UPDATE SKIP
 * LOCKED, so concurrent senders never claim the same row. Counts the claim as an attempt, so a message that
 * keeps crashing its sender still ends up failed.
 */
export async function claimDueMessages(opts: { limit: number; now: Date; leaseMs: number }): Promise<ClaimedMessage[]> {
  const db = await database();
  const until = new Date(opts.now.getTime() + opts.leaseMs);
  const rows = await queryRows<{
    id: number;
    kind: string;
    to_email: string;
    subject: string;
    html: string;
    text: string;
    headers: Record<string, string> | string;
    attempts: number;
    channel: string;
    team_id: string | null;
  }>(
    db,
    sql`
    with due as (
      select id from outbox
      where status = 'pending' and next_attempt_at <= ${opts.now.toISOString()}::timestamptz
        and (locked_until is null or locked_until <= ${opts.now.toISOString()}::timestamptz)
      order by case kind when 'magic_link' then 0 when 'invitation' then 1 else 2 end, next_attempt_at, id
      limit ${opts.limit}
      for update skip locked
    )
    update outbox o set locked_until = ${until.toISOString()}::timestamptz, attempts = o.attempts + 1
    from due where o.id = due.id
    returning o.id::float8 as id, o.kind, o.to_email, o.subject, o.html, o.text, o.headers, o.attempts, o.channel, o.team_id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    toEmail: r.to_email,
    subject: r.subject,
    html: r.html,
    text: r.text,
    headers: typeof r.headers === "string" ? (JSON.parse(r.headers) as Record<string, string>) : r.headers,
    attempts: r.attempts,
    channel: r.channel,
    teamId: r.team_id,
  }));
}

/** The stored body with its one-time token blanked out, and the token forgotten. */
const redacted = {
  html: sql`replace(${outbox.html}, coalesce(${outbox.secret}, ''), ${REDACTED_TOKEN})`,
  text: sql`replace(${outbox.text}, coalesce(${outbox.secret}, ''), ${REDACTED_TOKEN})`,
  secret: sql`null`,
};

/**
 * Marks a claimed message delivered. Its own statement, run right after the SMTP server (or webhook) accepted it. Over SMTP a
 * token-bearing body is blanked out here: the recipient has the email, and the stored copy must not be a second
 * way in. In preview mode the preview is the only copy, so the token stays until it is used (redactSecrets).
 */
export async function markSent(id: number, transport: "smtp" | "preview" | "webhook", now: Date): Promise<void> {
  const db = await database();
  await db
    .update(outbox)
    .set({ status: "sent", transport, sentAt: now, lockedUntil: null, lastError: null, ...(transport === "preview" ? {} : redacted) })
    .where(and(eq(outbox.id, id), eq(outbox.status, "pending")));
}

/** Blanks the one-time token out of these messages' stored bodies (its link was used, revoked or replaced). */
export async function redactSecrets(tx: Db | Tx, dedupeKeys: string[]): Promise<void> {
  if (dedupeKeys.length === 0) return;
  await tx
    .update(outbox)
    .set(redacted)
    .where(and(inArray(outbox.dedupeKey, dedupeKeys), isNotNull(outbox.secret)));
}

/** Records a failed attempt: retried at `retryAt`, or failed for good when `retryAt` is null. */
export async function markAttemptFailed(id: number, error: string, retryAt: Date | null): Promise<void> {
  const db = await database();
  await db
    .update(outbox)
    .set(
      retryAt
        ? { lastError: error.slice(0, 2000), nextAttemptAt: retryAt, lockedUntil: null }
        : { lastError: error.slice(0, 2000), status: "failed", lockedUntil: null, ...redacted },
    )
    .where(and(eq(outbox.id, id), eq(outbox.status, "pending")));
}

/**
 * Gives claimed messages back without an attempt (a sender stopping before it tried them): the lease is lifted
 * and the attempt that the claim counted is taken back, so another sender takes them at once.
 */
export async function releaseClaims(ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const db = await database();
  await db
    .update(outbox)
    .set({ lockedUntil: null, attempts: sql`greatest(${outbox.attempts} - 1, 0)` })
    .where(and(inArray(outbox.id, ids), eq(outbox.status, "pending")));
}

/** The outbox by status, the pending messages held by a lease, and the age of the oldest pending one (metrics). */
export async function outboxStats(now = new Date()): Promise<{ byStatus: Record<string, number>; claimed: number; oldestPendingSeconds: number }> {
  const db = await database();
  const rows = await queryRows<{ status: string; n: number; claimed: number; oldest: number | null }>(
    db,
    sql`select status, count(*)::int as n,
          (count(*) filter (where locked_until > ${now.toISOString()}::timestamptz))::int as claimed,
          extract(epoch from (${now.toISOString()}::timestamptz - min(created_at)))::float8 as oldest
        from outbox group by status`,
  );
  const byStatus: Record<string, number> = { pending: 0, sent: 0, failed: 0 };
  let claimed = 0;
  let oldestPendingSeconds = 0;
  for (const r of rows) {
    byStatus[r.status] = Number(r.n);
    if (r.status === "pending") {
      claimed = Number(r.claimed);
      oldestPendingSeconds = Math.max(0, Number(r.oldest ?? 0));
    }
  }
  return { byStatus, claimed, oldestPendingSeconds };
}

const listFields = {
  id: outbox.id,
  kind: outbox.kind,
  toEmail: outbox.toEmail,
  subject: outbox.subject,
  status: outbox.status,
  attempts: outbox.attempts,
  transport: outbox.transport,
  lastError: outbox.lastError,
  createdAt: outbox.createdAt,
  sentAt: outbox.sentAt,
};

/**
 * Mail addressed to this person: messages recorded for them (by user id), and, once they have proved their
 * address, messages to it that belong to nobody yet (an invitation sent before they signed up). Keyed by person,
 * not address alone, so whoever takes an address over later (after an email change or account deletion) never
 * sees earlier mail, and an unproved address shows nothing sent to it. An address-proof link is never shown to
 * its own account (that would prove nothing); `readsAllProofs` (the administrator, without SMTP) sees them all.
 */
function addressedTo(recipient: MailRecipient) {
  const own = and(eq(outbox.userId, recipient.id), ne(outbox.kind, "email_proof"));
  const toAddress = recipient.emailVerified
    ? and(isNull(outbox.userId), eq(outbox.toEmail, recipient.email.toLowerCase()))
    : undefined;
  const proofs = recipient.readsAllProofs ? eq(outbox.kind, "email_proof") : undefined;
  return or(own, toAddress, proofs);
}

export type MailRecipient = { id: string; email: string; emailVerified: Date | null; readsAllProofs?: boolean };

/** The mail preview's list for one person, newest first. */
export async function listMailTo(recipient: MailRecipient, limit = 50) {
  const db = await database();
  return db
    .select(listFields)
    .from(outbox)
    .where(addressedTo(recipient))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit);
}

/** One message with its body, only when it is addressed to this person; null otherwise. */
export async function getMailTo(recipient: MailRecipient, id: number) {
  const db = await database();
  const [row] = await db
    .select({ ...listFields, html: outbox.html, text: outbox.text, headers: outbox.headers })
    .from(outbox)
    .where(and(eq(outbox.id, id), addressedTo(recipient)))
    .limit(1);
  return row ?? null;
}

/** Messages that failed for good in the teams this person owns, newest first. */
export async function listFailedMailForOwner(userId: string, limit = 50) {
  const db = await database();
  return db
    .select({ ...listFields, teamName: teams.name })
    .from(outbox)
    .innerJoin(memberships, and(eq(memberships.teamId, outbox.teamId), eq(memberships.userId, userId), eq(memberships.role, "owner")))
    .innerJoin(teams, eq(teams.id, outbox.teamId))
    .where(eq(outbox.status, "failed"))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit);
}

/** Counts by status (tests, the CLI and the benchmark report these). */
export async function countOutbox(): Promise<Record<"pending" | "sent" | "failed", number>> {
  const db = await database();
  const rows = await queryRows<{ status: "pending" | "sent" | "failed"; n: number }>(
    db,
    sql`select status, count(*)::int as n from outbox group by status`,
  );
  const out = { pending: 0, sent: 0, failed: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

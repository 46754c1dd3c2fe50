import { randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, ne } from "drizzle-orm";
import { database, type Tx } from "../client";
import { emailProofs, users } from "../schema";
import { enqueueEmail, redactSecrets } from "./outbox";
import { normalizeEmail } from "./users";
import { emailProofEmail } from "@/lib/mail/templates";
import { sha256Hex } from "@/lib/hash";

const hashToken = sha256Hex;
const mailKey = (proofId: string) => `email_proof:${proofId}`;
const VALID_DAYS = 7;

/** Withdraws this person's unused proof links (a newer one replaces them, or one was used). */
async function retireProofs(tx: Tx, userId: string) {
  const retired = await tx
    .update(emailProofs)
    .set({ usedAt: new Date() })
    .where(and(eq(emailProofs.userId, userId), isNull(emailProofs.usedAt)))
    .returning({ id: emailProofs.id });
  await redactSecrets(tx, retired.map((r) => mailKey(r.id)));
}

/**
 * Sends a link to `email` that proves this account receives mail there: its own address (sign-up, or a resend),
 * or a new one (an email change, which happens only when the link is used). Replaces earlier links. Refused,
 * writing nothing, when another account already has that address.
 */
export async function requestEmailProof(
  userId: string,
  email: string,
  opts: { origin: string },
): Promise<{ ok: true; email: string; change: boolean } | { ok: false; reason: "taken" | "no_user" }> {
  const db = await database();
  const address = normalizeEmail(email);
  return db.transaction(async (tx) => {
    const [me] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
    if (!me) return { ok: false as const, reason: "no_user" as const };
    const [other] = await tx.select({ id: users.id }).from(users).where(and(eq(users.email, address), ne(users.id, userId)));
    if (other) return { ok: false as const, reason: "taken" as const };
    await retireProofs(tx, userId);
    const token = randomBytes(24).toString("base64url");
    const [row] = await tx
      .insert(emailProofs)
      .values({ userId, email: address, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + VALID_DAYS * 86_400_000) })
      .returning({ id: emailProofs.id });
    const change = address !== me.email;
    const mail = emailProofEmail({ name: me.name, email: address, link: `${opts.origin}/account/confirm-email/${token}`, change });
    await enqueueEmail(tx, { dedupeKey: mailKey(row!.id), kind: "email_proof", to: address, ...mail, userId, secret: token });
    return { ok: true as const, email: address, change };
  });
}

export type ProofStatus = "valid" | "used" | "expired";

/** What a proof link is for (the account and the address), for the confirmation page; null for an unknown token. */
export async function getEmailProof(token: string) {
  const db = await database();
  const [row] = await db
    .select({ userId: emailProofs.userId, email: emailProofs.email, expiresAt: emailProofs.expiresAt, usedAt: emailProofs.usedAt })
    .from(emailProofs)
    .where(eq(emailProofs.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) return null;
  const status: ProofStatus = row.usedAt ? "used" : row.expiresAt <= new Date() ? "expired" : "valid";
  return { userId: row.userId, email: row.email, status };
}

export type ConfirmResult =
  | { ok: true; email: string; changed: boolean }
  | { ok: false; reason: "not_found" | "used" | "expired" | "other_account" | "taken" };

/**
 * Uses a proof link for the signed-in person: only the account it was sent for can use it (someone who merely
 * receives another account's link must not confirm that account). The address becomes the account's, proved.
 */
export async function confirmEmailProof(token: string, userId: string): Promise<ConfirmResult> {
  const db = await database();
  return db.transaction(async (tx): Promise<ConfirmResult> => {
    const [proof] = await tx.select().from(emailProofs).where(eq(emailProofs.tokenHash, hashToken(token))).for("update");
    if (!proof) return { ok: false, reason: "not_found" };
    if (proof.userId !== userId) return { ok: false, reason: "other_account" };
    if (proof.usedAt) return { ok: false, reason: "used" };
    if (proof.expiresAt <= new Date()) return { ok: false, reason: "expired" };
    const [other] = await tx.select({ id: users.id }).from(users).where(and(eq(users.email, proof.email), ne(users.id, userId)));
    if (other) return { ok: false, reason: "taken" };
    const [before] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    await tx.update(users).set({ email: proof.email, emailVerified: new Date() }).where(eq(users.id, userId));
    await retireProofs(tx, userId);
    return { ok: true, email: proof.email, changed: before?.email !== proof.email };
  });
}

/** The address this person asked to change to and has not confirmed yet (a live link exists), or null. */
export async function getPendingEmailChange(userId: string): Promise<string | null> {
  const db = await database();
  const [row] = await db
    .select({ email: emailProofs.email })
    .from(emailProofs)
    .innerJoin(users, eq(users.id, emailProofs.userId))
    .where(and(eq(emailProofs.userId, userId), isNull(emailProofs.usedAt), gt(emailProofs.expiresAt, new Date()), ne(emailProofs.email, users.email)))
    .orderBy(desc(emailProofs.createdAt))
    .limit(1);
  return row?.email ?? null;
}

import { createHash } from "node:crypto";
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { database } from "../client";
import { invitations, users } from "../schema";
import { normalizeEmail } from "./users";
import { decideSignUp, type SignUpDecision, type SignUpPolicy } from "@/lib/auth/signup-policy";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The valid invitation behind a token (revoked, used and expired ones are not), or null. */
async function validInvitation(token: string | null | undefined): Promise<{ email: string | null } | null> {
  if (!token || !/^[A-Za-z0-9_-]{16,128}$/.test(token)) return null;
  const db = await database();
  const [row] = await db
    .select({ email: invitations.email })
    .from(invitations)
    .where(
      and(
        eq(invitations.tokenHash, hashToken(token)),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, sql`now()`),
        or(isNull(invitations.email), isNull(invitations.acceptedAt)),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Whether any account exists yet (the first one sets the instance up, whatever the policy). */
export async function hasAnyAccount(): Promise<boolean> {
  const db = await database();
  const [row] = await db.select({ id: users.id }).from(users).limit(1);
  return !!row;
}

/**
 * Whether a new account for `email` may be created under `policy`: reads whether this would be the first account
 * and the invitation the person holds (its token), then asks lib/auth/signup-policy.ts.
 */
export async function checkSignUp(
  policy: SignUpPolicy,
  input: { email: string; emailProved: boolean; invitationToken?: string | null },
): Promise<SignUpDecision> {
  if (policy.mode === "open") return { ok: true };
  const [any, invitation] = await Promise.all([hasAnyAccount(), validInvitation(input.invitationToken)]);
  return decideSignUp(policy, { email: normalizeEmail(input.email), emailProved: input.emailProved, firstAccount: !any, invitation });
}

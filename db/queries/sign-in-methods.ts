import { and, count, eq } from "drizzle-orm";
import { database } from "../client";
import { accounts, users } from "../schema";

export type SignInMethods = { hasPassword: boolean; providers: string[] };

/**
 * How this person can sign in: a password (unless the instance uses none: `passwords: false`), and the providers
 * linked to the account (their ids, sorted).
 */
export async function listSignInMethods(userId: string, opts: { passwords?: boolean } = {}): Promise<SignInMethods> {
  const db = await database();
  const [[me], linked] = await Promise.all([
    db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)),
    db.select({ provider: accounts.provider }).from(accounts).where(eq(accounts.userId, userId)).orderBy(accounts.provider),
  ]);
  return { hasPassword: opts.passwords !== false && !!me?.passwordHash, providers: linked.map((r) => r.provider) };
}

/** The account a provider's account is linked to, or null. */
export async function findLinkedUser(provider: string, providerAccountId: string): Promise<string | null> {
  const db = await database();
  const [row] = await db
    .select({ userId: accounts.userId })
    .from(accounts)
    .where(and(eq(accounts.provider, provider), eq(accounts.providerAccountId, providerAccountId)))
    .limit(1);
  return row?.userId ?? null;
}

export type UnlinkResult = "ok" | "not_linked" | "last_method";

/**
 * Unlinks a provider from this person's account, unless it is their last way to sign in (a password counts).
 * The person's row is locked, so two unlinks at once cannot both pass the check and leave nothing.
 */
export async function unlinkProvider(userId: string, provider: string, opts: { passwords?: boolean } = {}): Promise<UnlinkResult> {
  const db = await database();
  return db.transaction(async (tx): Promise<UnlinkResult> => {
    const [me] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).for("update");
    if (!me) return "not_linked";
    const [linked] = await tx.select({ n: count() }).from(accounts).where(eq(accounts.userId, userId));
    const [mine] = await tx.select({ n: count() }).from(accounts).where(and(eq(accounts.userId, userId), eq(accounts.provider, provider)));
    if (!mine?.n) return "not_linked";
    const hasPassword = opts.passwords !== false && !!me.passwordHash;
    if (!hasPassword && (linked?.n ?? 0) - mine.n < 1) return "last_method";
    await tx.delete(accounts).where(and(eq(accounts.userId, userId), eq(accounts.provider, provider)));
    return "ok";
  });
}

import { and, eq, isNull, sql } from "drizzle-orm";
import { database } from "../client";
import { apiTokens, emailProofs, users } from "../schema";

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export const publicUser = {
  id: users.id,
  name: users.name,
  email: users.email,
  sessionVersion: users.sessionVersion,
  emailVerified: users.emailVerified,
  isAdmin: users.isAdmin,
};
export type PublicUser = {
  id: string;
  name: string | null;
  email: string;
  sessionVersion: number;
  /** When the person proved they receive mail at `email`; null while unproved. */
  emailVerified: Date | null;
  isAdmin: boolean;
};

/** The user with this id, without secrets, or null. */
export async function getUserById(id: string): Promise<PublicUser | null> {
  const db = await database();
  const [row] = await db.select(publicUser).from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

/** The credentials needed to check a password, or null when nobody has this email. */
export async function getUserCredentials(email: string) {
  const db = await database();
  const [row] = await db
    .select({ ...publicUser, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .limit(1);
  return row ?? null;
}

/**
 * Creates a password account; returns null when the email is already registered (nothing is written). The
 * instance's first account becomes its administrator. The address starts unproved unless `proved` (the person
 * came with a link sent to it) or, for the first account, `firstProved` (no mail server: nobody could prove it).
 */
export async function createUserWithPassword(input: {
  name: string;
  email: string;
  passwordHash: string;
  proved?: boolean;
  firstProved?: boolean;
}): Promise<PublicUser | null> {
  const db = await database();
  return db.transaction(async (tx) => {
    // Serializes "is this the first account?" between concurrent sign-ups: exactly one becomes administrator.
    await tx.execute(sql`select pg_advisory_xact_lock(7351001)`);
    const [any] = await tx.select({ id: users.id }).from(users).limit(1);
    const first = !any;
    const [row] = await tx
      .insert(users)
      .values({
        name: input.name,
        email: normalizeEmail(input.email),
        passwordHash: input.passwordHash,
        isAdmin: first,
        emailVerified: input.proved || (first && input.firstProved) ? new Date() : null,
      })
      .onConflictDoNothing({ target: users.email })
      .returning(publicUser);
    return row ?? null;
  });
}

/**
 * Creates the account of someone signing in for the first time with a provider (Auth.js's adapter createUser,
 * after the sign-up policy allowed it): the address is proved when the provider vouched for it. The instance's
 * first account becomes its administrator, as with a password. Returns the whole row, as Auth.js expects.
 */
export async function createSsoUser(input: { name: string | null; email: string; image: string | null; proved: boolean }) {
  const db = await database();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7351001)`);
    const [any] = await tx.select({ id: users.id }).from(users).limit(1);
    const [row] = await tx
      .insert(users)
      .values({
        name: input.name,
        email: normalizeEmail(input.email),
        image: input.image,
        isAdmin: !any,
        emailVerified: input.proved ? new Date() : null,
      })
      .returning();
    return row!;
  });
}

/**
 * A sign-in that proved this address (an emailed sign-in link) takes over an account whose address was never
 * proved: whoever created it without owning the address loses it. Its password and API tokens go, every
 * session ends (the session version goes up) and the address counts as proved. No-op for a proved account.
 */
export async function takeOverUnprovedAccount(email: string): Promise<{ userId: string } | null> {
  const db = await database();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash: null, emailVerified: new Date(), sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.email, normalizeEmail(email)), isNull(users.emailVerified)))
      .returning({ userId: users.id });
    if (!row) return null;
    await tx.update(apiTokens).set({ revokedAt: new Date() }).where(and(eq(apiTokens.userId, row.userId), isNull(apiTokens.revokedAt)));
    // An email change the previous holder asked for must not complete later either.
    await tx.update(emailProofs).set({ usedAt: new Date() }).where(and(eq(emailProofs.userId, row.userId), isNull(emailProofs.usedAt)));
    return row;
  });
}

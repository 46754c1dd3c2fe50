import { eq } from "drizzle-orm";
import { database } from "../client";
import { users } from "../schema";

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export const publicUser = { id: users.id, name: users.name, email: users.email, sessionVersion: users.sessionVersion };
export type PublicUser = { id: string; name: string | null; email: string; sessionVersion: number };

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

/** Creates a password account; returns null when the email is already registered (nothing is written). */
export async function createUserWithPassword(input: {
  name: string;
  email: string;
  passwordHash: string;
}): Promise<PublicUser | null> {
  const db = await database();
  const [row] = await db
    .insert(users)
    .values({ name: input.name, email: normalizeEmail(input.email), passwordHash: input.passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning(publicUser);
  return row ?? null;
}

import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { database } from "../client";
import { apiTokens, users } from "../schema";

/** Personal access tokens start with this, so a leaked one is easy to recognise (and to scan for). */
export const TOKEN_PREFIX = "ssi_";
export const hashApiToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates a token and returns its secret, which is shown once: only the SHA-256 hash is stored. */
export async function createApiToken(userId: string, name: string): Promise<{ id: string; token: string }> {
  const db = await database();
  const token = TOKEN_PREFIX + randomBytes(24).toString("base64url");
  const [row] = await db.insert(apiTokens).values({ userId, name, tokenHash: hashApiToken(token) }).returning({ id: apiTokens.id });
  return { id: row!.id, token };
}

/** The person's tokens, newest first (revoked ones too, marked), without hashes. */
export async function listApiTokens(userId: string) {
  const db = await database();
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** Revokes one of the person's own tokens; false when there is no such active token. */
export async function revokeApiToken(userId: string, tokenId: string): Promise<boolean> {
  const db = await database();
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

/**
 * The owner of an active token, or null for an unknown or revoked one. Records the use (last-used time, at most
 * once a minute so a busy script does not write on every call).
 */
export async function authenticateApiToken(token: string) {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const db = await database();
  const [row] = await db
    .select({ tokenId: apiTokens.id, userId: users.id, name: users.name, email: users.email, timeZone: users.timeZone, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashApiToken(token)), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.tokenId));
  }
  return row;
}

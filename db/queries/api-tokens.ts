import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { database, queryRows } from "../client";
import { countHitSql, rateDecision } from "./rate-limits";
import { apiTokens, users } from "../schema";
import { sha256Hex } from "@/lib/hash";

/** Personal access tokens start with this, so a leaked one is easy to recognise (and to scan for). */
export const TOKEN_PREFIX = "ssi_";
export const hashApiToken = sha256Hex;

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
 * An API request's token check and its count against the token's rate limit (key `api:<token id>`) in one
 * statement and one commit: the token and its person, `last_used_at` touched at most once a minute, and the hit
 * counted. Null for an unknown or revoked token, which counts nothing. The API answers every request with this
 * first; as three statements (lookup, touch, count) it was three round trips and up to two commits.
 */
export async function authenticateApiRequest(token: string, limit: number, windowSeconds: number) {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const db = await database();
  const [row] = await queryRows<{
    token_id: string;
    user_id: string;
    name: string | null;
    email: string;
    time_zone: string | null;
    count: number;
    reset_in: number;
  }>(
    db,
    sql`
    with tok as (
      select t.id as token_id, t.last_used_at, u.id as user_id, u.name, u.email, u.time_zone
      from ${apiTokens} t join ${users} u on u.id = t.user_id
      where t.token_hash = ${hashApiToken(token)} and t.revoked_at is null
    ),
    touched as (
      update ${apiTokens} set last_used_at = now()
      where id in (select token_id from tok where last_used_at is null or last_used_at < now() - interval '60 seconds')
      returning id
    ),
    counted as (${countHitSql(sql`select 'api:' || token_id, now(), 1 from tok`, windowSeconds)})
    select tok.token_id, tok.user_id, tok.name, tok.email, tok.time_zone, counted.count, counted.reset_in
    from tok cross join counted`,
  );
  if (!row) return null;
  return {
    caller: { tokenId: row.token_id, userId: row.user_id, name: row.name, email: row.email, timeZone: row.time_zone },
    rate: rateDecision(row, limit, windowSeconds),
  };
}

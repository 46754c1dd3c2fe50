import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { database, queryRows, queryRowsPrepared, type Db, type Tx } from "../client";
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

type Caller = { tokenId: string; userId: string; name: string | null; email: string; timeZone: string | null };
type CallerRow = { token_id: string; user_id: string; name: string | null; email: string; time_zone: string | null };
const callerOf = (row: CallerRow): Caller => ({ tokenId: row.token_id, userId: row.user_id, name: row.name, email: row.email, timeZone: row.time_zone });
const callerSql = (token: string) => sql`
      select t.id as token_id, t.last_used_at, u.id as user_id, u.name, u.email, u.time_zone
      from ${apiTokens} t join ${users} u on u.id = t.user_id
      where t.token_hash = ${hashApiToken(token)} and t.revoked_at is null`;
/** From the token row(s) of `tok` (token_id, last_used_at): `last_used_at` touched at most once a minute, and the hit counted. */
export const touchAndCountSql = (windowSeconds: number) => sql`
    touched as (
      update ${apiTokens} set last_used_at = now()
      where id in (select token_id from tok where last_used_at is null or last_used_at < now() - interval '60 seconds')
      returning id
    ),
    counted as (${countHitSql(sql`select 'api:' || token_id, now(), 1 from tok`, windowSeconds)})`;
const wellFormed = (token: string) => token.startsWith(TOKEN_PREFIX) && token.length <= 200;

/**
 * An API request's token check and its count against the token's rate limit (key `api:<token id>`) in one
 * statement and one commit: the token and its person, `last_used_at` touched at most once a minute, and the hit
 * counted. Null for an unknown or revoked token, which counts nothing. The API's reads answer every request with
 * this first; as three statements (lookup, touch, count) it was three round trips and up to two commits.
 */
export async function authenticateApiRequest(token: string, limit: number, windowSeconds: number) {
  if (!wellFormed(token)) return null;
  const db = await database();
  const [row] = await queryRows<CallerRow & { count: number; reset_in: number }>(
    db,
    sql`
    with tok as (${callerSql(token)}), ${touchAndCountSql(windowSeconds)}
    select tok.token_id, tok.user_id, tok.name, tok.email, tok.time_zone, counted.count, counted.reset_in
    from tok cross join counted`,
  );
  if (!row) return null;
  return { caller: callerOf(row), rate: rateDecision(row, limit, windowSeconds) };
}

/**
 * The token's id and person, reading only (no commit): for a write, whose count goes into the write's own
 * transaction (countApiHit). Null for an unknown or revoked token.
 */
export async function findApiCaller(token: string): Promise<Caller | null> {
  if (!wellFormed(token)) return null;
  const db = await database();
  const [row] = await queryRowsPrepared<CallerRow>(db, callerSql(token));
  return row ? callerOf(row) : null;
}

/**
 * Counts one request against the token's rate limit and touches its `last_used_at` (at most once a minute), in
 * one statement on `q`: inside a write's transaction (the count commits with the write, see upsertSnapshot's
 * `admit`), or alone for a request refused before writing. Null when the token was revoked in the meantime
 * (nothing counted).
 */
export async function countApiHit(q: Db | Tx, tokenId: string, limit: number, windowSeconds: number) {
  const [row] = await queryRows<{ count: number; reset_in: number }>(
    q,
    sql`
    with tok as (select id as token_id, last_used_at from ${apiTokens} where id = ${tokenId} and revoked_at is null),
    ${touchAndCountSql(windowSeconds)}
    select counted.count, counted.reset_in from tok cross join counted`,
  );
  return row ? rateDecision(row, limit, windowSeconds) : null;
}

import { sql, type SQL } from "drizzle-orm";
import { database, queryRows } from "../client";

/**
 * The counting statement: `rows` yields (key, window_start, count) rows to insert (`values (…)` or a select);
 * an existing key counts that many more, or starts over when its window has passed. Returns count and reset_in (s).
 */
export const countHitSql = (rows: SQL, windowSeconds: number) => sql`
    insert into rate_limits (key, window_start, count) ${rows}
    on conflict (key) do update set
      window_start = case when rate_limits.window_start <= now() - make_interval(secs => ${windowSeconds})
                          then now() else rate_limits.window_start end,
      count = case when rate_limits.window_start <= now() - make_interval(secs => ${windowSeconds})
                   then excluded.count else rate_limits.count + excluded.count end
    returning count::int as count,
      greatest(1, ceil(extract(epoch from (window_start + make_interval(secs => ${windowSeconds}) - now()))))::int as reset_in`;

/** What a counted hit allows: whether it is within `limit`, and when the window starts over. */
export function rateDecision(row: { count: number; reset_in: number } | undefined, limit: number, windowSeconds: number) {
  const count = row?.count ?? 1;
  return { allowed: count <= limit, count, remaining: Math.max(0, limit - count), retryAfter: row?.reset_in ?? windowSeconds };
}

/**
 * Counts one request against `key` in a fixed window of `windowSeconds`, shared by every app instance (one
 * atomic upsert). Returns whether it is allowed, the count so far in this window and, when not allowed, the
 * seconds until the window resets.
 */
export async function hitRateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
  hits = 1,
): Promise<{ allowed: boolean; count: number; remaining: number; retryAfter: number }> {
  const db = await database();
  const [row] = await queryRows<{ count: number; reset_in: number }>(db, countHitSql(sql`values (${key}, now(), ${hits}::int)`, windowSeconds));
  return rateDecision(row, limit, windowSeconds);
}

/**
 * Gives back one request counted against `key` (never below zero): for limits that count only failures, the
 * attempt is counted before it runs (so a burst of parallel attempts cannot slip past) and refunded if it succeeds.
 */
export async function refundRateLimit(key: string, hits = 1): Promise<void> {
  const db = await database();
  await db.execute(sql`update rate_limits set count = greatest(0, count - ${hits}::int) where key = ${key} and count > 0`);
}

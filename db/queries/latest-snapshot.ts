import { sql, type SQL } from "drizzle-orm";

/**
 * The body of a LATERAL subquery giving a person's latest snapshot at or before `asOf` (one row or none),
 * for `left join lateral (${latestSnapshotSql(...)}) s on true`.
 *
 * Why two branches: a backward index scan for "user = X and measured_on <= D, newest first, limit 1" still
 * makes the B-tree read and test every entry of that person on the leaf page (months of history), where a
 * bounded range tests a handful (figures in docs/PERFORMANCE.md). The first branch looks only within
 * `windowDays` before asOf (the staleness window: where almost every active member's latest score is); only
 * for members with nothing there (stale or never submitted) does the second branch look further back.
 * UNION ALL keeps the branches in order and the outer LIMIT 1 stops before the second when the first found a
 * row, so the result is exactly that of the unbounded lookup. See docs/PERFORMANCE.md.
 */
export function latestSnapshotSql(userId: SQL, asOf: SQL, windowDays: number, columns: SQL): SQL {
  return sql`
    (${latestFreshSnapshotSql(userId, asOf, windowDays, columns)})
    union all
    (select ${columns} from snapshots s
     where s.user_id = ${userId} and s.measured_on < ${asOf} - ${windowDays}::int
     order by s.measured_on desc limit 1)
    limit 1`;
}

/**
 * The body of a LATERAL subquery giving a person's latest snapshot dated within `windowDays` before `asOf`
 * (asOf included): their latest *fresh* score, or none. It is the first branch of `latestSnapshotSql`, and
 * on its own it serves the dashboard, where only a fresh score counts.
 */
export function latestFreshSnapshotSql(userId: SQL, asOf: SQL, windowDays: number, columns: SQL): SQL {
  return latestInRangeSql(userId, sql`${asOf} - ${windowDays}::int`, asOf, columns);
}

/** The body of a LATERAL subquery giving a person's latest snapshot dated from `from` to `to` (both included). */
export function latestInRangeSql(userId: SQL, from: SQL, to: SQL, columns: SQL): SQL {
  return sql`select ${columns} from snapshots s
     where s.user_id = ${userId} and s.measured_on <= ${to} and s.measured_on >= ${from}
     order by s.measured_on desc limit 1`;
}

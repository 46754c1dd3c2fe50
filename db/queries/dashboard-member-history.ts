import { sql } from "drizzle-orm";
import { database, queryRows } from "../client";
import { membersCte, num, weeksCte, type TeamCalendar } from "./dashboard-sql";
import { latestFreshSnapshotSql } from "./latest-snapshot";
import type { TeamAccess } from "@/lib/team-access";

export type RankPoint = { weekStart: string; asOf: string; rank: number | null; ranked: number; total: number | null };

/** One member's weekly team rank (competition rank among fresh members at each week's end) and total. */
export async function getMemberRankHistory(access: TeamAccess, userId: string, cal: TeamCalendar, weeks: number): Promise<RankPoint[]> {
  const db = await database();
  const rows = await queryRows<{ week_start: string; as_of: string; rank: number | null; ranked: number; total: number | null }>(
    db,
    sql`
    with weeks as (${weeksCte(cal, weeks)}),
    members as (${membersCte(access.teamId)}),
    latest as (
      select w.week_start, mb.user_id, s.total
      from weeks w cross join members mb
      join lateral (${latestFreshSnapshotSql(sql`mb.user_id`, sql`w.as_of`, cal.staleDays, sql`s.total, s.measured_on`)}) s on true
    ),
    ranked as (
      select week_start, user_id, total, rank() over (partition by week_start order by total desc) as rank,
             count(*) over (partition by week_start) as ranked
      from latest
    )
    select w.week_start::text as week_start, w.as_of::text as as_of, r.rank::int as rank,
           coalesce((select count(*) from latest l where l.week_start = w.week_start), 0)::int as ranked,
           r.total::float8 as total
    from weeks w left join ranked r on r.week_start = w.week_start and r.user_id = ${userId}
    order by w.week_start`,
  );
  return rows.map((r) => ({ weekStart: r.week_start, asOf: r.as_of, rank: r.rank === null ? null : Number(r.rank), ranked: Number(r.ranked), total: num(r.total) }));
}

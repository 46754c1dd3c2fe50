import { sql, type SQL } from "drizzle-orm";
import { latestFreshSnapshotSql } from "./latest-snapshot";
import { COMPONENTS, round3, type Component } from "@/lib/ssi";

/** What every dashboard query needs to know about the team's calendar. */
export type TeamCalendar = {
  /** Today in the team's time zone (YYYY-MM-DD). */
  today: string;
  /** ISO weekday the team's week starts on (1 = Monday … 7 = Sunday). */
  weekStart: number;
  staleDays: number;
};

/** A numeric column as the dashboard shows it (rounded to 3 places), null kept. */
export const num = (v: unknown): number | null => (v === null || v === undefined ? null : round3(Number(v)));

/** A json/json_agg column: postgres.js hands back the parsed value, PGlite sometimes the text. */
export const decodeJson = <T>(v: unknown, empty: T): T => (v === null || v === undefined ? empty : typeof v === "string" ? JSON.parse(v) : (v as T));

/** The first day of the team's week containing `date` (an SQL date expression), computed in SQL. */
export const weekStartSql = (date: SQL, weekStart: number) =>
  sql`(${date} - ((extract(isodow from ${date})::int - ${weekStart}::int + 7) % 7))`;

/** CTE body: the team's members (user_id). */
export const membersCte = (teamId: string) => sql`select user_id from memberships where team_id = ${teamId}`;

/** CTE body: one row (week_start, as_of) per team week, the current week last; as_of is capped at today. */
export function weeksCte(cal: TeamCalendar, weeks: number) {
  const thisWeek = weekStartSql(sql`${cal.today}::date`, cal.weekStart);
  return sql`select (${thisWeek} - 7 * g)::date as week_start, least(${thisWeek} - 7 * g + 6, ${cal.today}::date)::date as as_of
             from generate_series(0, ${weeks - 1}::int) g`;
}

/** CTE body: `count` consecutive team weeks (week_start, as_of) from the one starting on `first`; as_of is capped at today. */
export function weekRangeCte(cal: TeamCalendar, first: string, count: number) {
  return sql`select (${first}::date + 7 * g)::date as week_start, least(${first}::date + 7 * g + 6, ${cal.today}::date)::date as as_of
             from generate_series(0, ${count - 1}::int) g`;
}

/**
 * Aggregates over each point (a `points` CTE with week_start, as_of): every member's latest snapshot at or
 * before as_of, kept only when not stale (the leaderboard's rule), averaged, medianed, and split by component.
 */
export function pointStatsSql(teamId: string, staleDays: number, points: SQL) {
  return sql`
    with points as (${points}),
    members as (${membersCte(teamId)}),
    latest as (
      select p.week_start, s.total, s.brand, s.people, s.insights, s.relationships, s.industry_avg
      from points p cross join members mb
      join lateral (${latestFreshSnapshotSql(sql`mb.user_id`, sql`p.as_of`, staleDays, sql`s.measured_on, s.total, s.brand, s.people, s.insights, s.relationships, s.industry_avg`)}) s on true
    )
    select p.week_start::text as week_start, p.as_of::text as as_of,
           count(l.total)::int as counted,
           avg(l.total)::float8 as average,
           percentile_cont(0.5) within group (order by l.total::float8) as median,
           avg(l.industry_avg)::float8 as industry_avg,
           avg(l.brand)::float8 as brand, avg(l.people)::float8 as people,
           avg(l.insights)::float8 as insights, avg(l.relationships)::float8 as relationships
    from points p left join latest l on l.week_start = p.week_start
    group by p.week_start, p.as_of
    order by p.week_start`;
}

export type StatsRow = {
  week_start: string;
  as_of: string;
  counted: number;
  average: number | null;
  median: number | null;
  industry_avg: number | null;
  brand: number | null;
  people: number | null;
  insights: number | null;
  relationships: number | null;
};

export const toStats = (r: StatsRow) => ({
  counted: Number(r.counted),
  average: num(r.average),
  median: num(r.median),
  industryAverage: num(r.industry_avg),
  components: Object.fromEntries(COMPONENTS.map((c) => [c, num(r[c])])) as Record<Component, number | null>,
});

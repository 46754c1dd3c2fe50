import { sql, type SQL } from "drizzle-orm";
import { database, queryRows } from "../client";
import { latestSnapshotSql } from "./latest-snapshot";
import { addDays } from "@/lib/dates";
import { detectRecalibration, type RecalibrationVerdict } from "@/lib/recalibration";
import { COMPONENTS, round3, type Component, type ComponentValues } from "@/lib/ssi";
import type { TeamAccess } from "@/lib/team-access";

/** What every dashboard query needs to know about the team's calendar. */
export type TeamCalendar = {
  /** Today in the team's time zone (YYYY-MM-DD). */
  today: string;
  /** ISO weekday the team's week starts on (1 = Monday … 7 = Sunday). */
  weekStart: number;
  staleDays: number;
};

export type WeekPoint = {
  /** First day of the team's week. */
  weekStart: string;
  /** The date the week's figures are taken at: its last day, or today for the current week. */
  asOf: string;
  /** Members whose latest snapshot at asOf is fresh (they make up the average and median). */
  counted: number;
  average: number | null;
  median: number | null;
  /** Average of the "people in your industry" figures those members reported; null where none did. */
  industryAverage: number | null;
  components: Record<Component, number | null>;
  /** Members who recorded at least one score dated in this week. */
  submitted: number;
  recalibration: RecalibrationVerdict;
};

const num = (v: unknown): number | null => (v === null || v === undefined ? null : round3(Number(v)));

/** The first day of the team's week containing `date` (an SQL date expression), computed in SQL. */
export const weekStartSql = (date: SQL, weekStart: number) =>
  sql`(${date} - ((extract(isodow from ${date})::int - ${weekStart}::int + 7) % 7))`;

/** CTE body: one row (week_start, as_of) per team week, the current week last; as_of is capped at today. */
function weeksCte(cal: TeamCalendar, weeks: number) {
  const thisWeek = weekStartSql(sql`${cal.today}::date`, cal.weekStart);
  return sql`select (${thisWeek} - 7 * g)::date as week_start, least(${thisWeek} - 7 * g + 6, ${cal.today}::date)::date as as_of
             from generate_series(0, ${weeks - 1}::int) g`;
}

/**
 * Aggregates over each point (a `points` CTE with week_start, as_of): every member's latest snapshot at or
 * before as_of, kept only when not stale (the leaderboard's rule), averaged, medianed, and split by component.
 */
function pointStatsSql(teamId: string, staleDays: number, points: SQL) {
  return sql`
    with points as (${points}),
    members as (select user_id from memberships where team_id = ${teamId}),
    latest as (
      select p.week_start, s.total, s.brand, s.people, s.insights, s.relationships, s.industry_avg
      from points p cross join members mb
      -- Only a fresh latest score counts, so the lookup is bounded by the window (a short index range).
      join lateral (
        select s.measured_on, s.total, s.brand, s.people, s.insights, s.relationships, s.industry_avg
        from snapshots s where s.user_id = mb.user_id and s.measured_on <= p.as_of and s.measured_on >= p.as_of - ${staleDays}::int
        order by s.measured_on desc limit 1
      ) s on true
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

type StatsRow = {
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

const toStats = (r: StatsRow) => ({
  counted: Number(r.counted),
  average: num(r.average),
  median: num(r.median),
  industryAverage: num(r.industry_avg),
  components: Object.fromEntries(COMPONENTS.map((c) => [c, num(r[c])])) as Record<Component, number | null>,
});

/**
 * The team's weekly series over the last `weeks` weeks (the current week last), weeks with no scores included
 * as empty points. Per week: average/median/components of fresh latest snapshots, how many members submitted
 * a score dated in the week, and whether the week looks like a LinkedIn-wide recalibration.
 */
export async function getTeamTrend(access: TeamAccess, cal: TeamCalendar, weeks: number): Promise<WeekPoint[]> {
  const db = await database();
  const weeksSql = weeksCte(cal, weeks);
  const first = addDays(cal.today, -7 * weeks - 7);
  const [stats, activity] = await Promise.all([
    queryRows<StatsRow>(db, pointStatsSql(access.teamId, cal.staleDays, weeksSql)),
    queryRows<{ week_start: string; submitted: number; changes: unknown }>(
      db,
      sql`
      with weeks as (${weeksSql}),
      members as (select user_id from memberships where team_id = ${access.teamId}),
      -- Distinct (week, person) pairs first: a hash aggregate, where count(distinct) per week would sort
      -- every snapshot of the range (≈ 80k rows for 1,000 members over 12 weeks, spilling to disk).
      submitted as (
        select week_start, count(*) as n
        from (
          select distinct ${weekStartSql(sql`s.measured_on`, cal.weekStart)} as week_start, s.user_id
          from snapshots s join members mb on mb.user_id = s.user_id
          where s.measured_on >= ${first}::date and s.measured_on <= ${cal.today}::date
        ) pairs
        group by week_start
      ),
      changes as (
        -- Each member's latest total in the week against their last total in the two weeks before it.
        select w.week_start, (cur.total - prev.total)::float8 as change
        from weeks w cross join members mb
        join lateral (
          select total from snapshots s where s.user_id = mb.user_id and s.measured_on between w.week_start and w.as_of
          order by s.measured_on desc limit 1
        ) cur on true
        join lateral (
          select total from snapshots s
          where s.user_id = mb.user_id and s.measured_on < w.week_start and s.measured_on >= w.week_start - 14
          order by s.measured_on desc limit 1
        ) prev on true
      )
      select w.week_start::text as week_start, coalesce(sub.n, 0)::int as submitted,
             (select coalesce(json_agg(c.change), '[]'::json) from changes c where c.week_start = w.week_start) as changes
      from weeks w left join submitted sub on sub.week_start = w.week_start`,
    ),
  ]);
  const byWeek = new Map(activity.map((a) => [a.week_start, a]));
  return stats.map((r) => {
    const a = byWeek.get(r.week_start);
    const raw = typeof a?.changes === "string" ? JSON.parse(a.changes) : (a?.changes ?? []);
    return {
      weekStart: r.week_start,
      asOf: r.as_of,
      ...toStats(r),
      submitted: Number(a?.submitted ?? 0),
      recalibration: detectRecalibration((raw as unknown[]).map(Number)),
    };
  });
}

export type TeamHeadline = {
  memberCount: number;
  average: number | null;
  median: number | null;
  /** Now minus 28 days earlier (same rules at both dates); null when either side has no fresh scores. */
  averageChange: number | null;
  medianChange: number | null;
  /** Members with a score dated in the team's current week. */
  submittedThisWeek: number;
  thisWeekStart: string;
  staleCount: number;
  neverCount: number;
};

/** The dashboard's headline figures at today, with their change over four weeks. */
export async function getTeamHeadline(access: TeamAccess, cal: TeamCalendar): Promise<TeamHeadline> {
  const db = await database();
  const monthAgo = addDays(cal.today, -28);
  const points = sql`select ${cal.today}::date as week_start, ${cal.today}::date as as_of
                     union all select ${monthAgo}::date, ${monthAgo}::date`;
  const thisWeek = weekStartSql(sql`${cal.today}::date`, cal.weekStart);
  const [stats, counts] = await Promise.all([
    queryRows<StatsRow>(db, pointStatsSql(access.teamId, cal.staleDays, points)),
    queryRows<{ members: number; submitted: number; stale: number; never: number; this_week: string }>(
      db,
      sql`
      select count(*)::int as members,
             count(*) filter (where l.measured_on >= ${thisWeek})::int as submitted,
             count(*) filter (where l.measured_on is not null and ${cal.today}::date - l.measured_on > ${cal.staleDays}::int)::int as stale,
             count(*) filter (where l.measured_on is null)::int as never,
             (${thisWeek})::text as this_week
      from memberships m
      left join lateral (${latestSnapshotSql(sql`m.user_id`, sql`${cal.today}::date`, cal.staleDays, sql`s.measured_on`)}) l on true
      where m.team_id = ${access.teamId}`,
    ),
  ]);
  const now = toStats(stats.find((r) => r.as_of === cal.today)!);
  const before = toStats(stats.find((r) => r.as_of === monthAgo)!);
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : round3(a - b));
  const c = counts[0]!;
  return {
    memberCount: Number(c.members),
    average: now.average,
    median: now.median,
    averageChange: diff(now.average, before.average),
    medianChange: diff(now.median, before.median),
    submittedThisWeek: Number(c.submitted),
    thisWeekStart: c.this_week,
    staleCount: Number(c.stale),
    neverCount: Number(c.never),
  };
}

export type MemberNow = {
  userId: string;
  name: string;
  email: string;
  status: "fresh" | "stale" | "never";
  measuredOn: string | null;
  total: number | null;
  components: ComponentValues | null;
  /** Total now minus the latest fresh total 28 days earlier; null when either is missing or stale. */
  change4w: number | null;
  submittedThisWeek: boolean;
};

export type TeamNow = {
  members: MemberNow[];
  /** Median of each component over members with a fresh score; null when nobody has one. */
  componentMedians: ComponentValues | null;
  /** Fresh scores per bucket of 10: index 0 is 0–9.99 … index 9 is 90–100. */
  distribution: number[];
};

type MemberRow = {
  user_id: string;
  name: string | null;
  email: string;
  measured_on: string | null;
  fresh: boolean | null;
  total: number | null;
  brand: number | null;
  people: number | null;
  insights: number | null;
  relationships: number | null;
  prev_total: number | null;
  this_week: boolean;
};

type NowAggregates = {
  n_fresh: number;
  med_brand: number | null;
  med_people: number | null;
  med_insights: number | null;
  med_relationships: number | null;
  /** [bucket, count] pairs of fresh totals. */
  buckets: unknown;
};

/**
 * Every member's state now (latest snapshot, freshness, change over four weeks, whether they submitted this
 * week), the component medians of fresh members and the distribution of fresh totals, all computed in SQL.
 */
export async function getTeamNow(access: TeamAccess, cal: TeamCalendar): Promise<TeamNow> {
  const db = await database();
  const monthAgo = addDays(cal.today, -28);
  const thisWeek = weekStartSql(sql`${cal.today}::date`, cal.weekStart);
  // One statement: every member's latest snapshot is looked up once (a materialized CTE) and serves the
  // member rows, the component medians and the distribution (which ride along on every row).
  const rows = await queryRows<MemberRow & NowAggregates>(
    db,
    sql`
    with cur as materialized (
      select m.user_id, s.measured_on, s.total, s.brand, s.people, s.insights, s.relationships,
             (s.measured_on is not null and ${cal.today}::date - s.measured_on <= ${cal.staleDays}::int) as fresh
      from memberships m
      left join lateral (${latestSnapshotSql(sql`m.user_id`, sql`${cal.today}::date`, cal.staleDays, sql`s.measured_on, s.total, s.brand, s.people, s.insights, s.relationships`)}) s on true
      where m.team_id = ${access.teamId}
    ),
    medians as (
      select count(*)::int as n_fresh,
             percentile_cont(0.5) within group (order by brand::float8) as med_brand,
             percentile_cont(0.5) within group (order by people::float8) as med_people,
             percentile_cont(0.5) within group (order by insights::float8) as med_insights,
             percentile_cont(0.5) within group (order by relationships::float8) as med_relationships
      from cur where fresh
    ),
    buckets as (
      select coalesce(json_agg(json_build_array(bucket, n)), '[]'::json) as buckets
      from (select least(floor(total / 10), 9)::int as bucket, count(*)::int as n from cur where fresh group by 1) b
    )
    select c.user_id, u.name, u.email, c.measured_on::text as measured_on, c.fresh,
           c.total::float8 as total, c.brand::float8 as brand, c.people::float8 as people,
           c.insights::float8 as insights, c.relationships::float8 as relationships,
           p.total::float8 as prev_total,
           coalesce(c.measured_on >= ${thisWeek}, false) as this_week,
           md.n_fresh, md.med_brand, md.med_people, md.med_insights, md.med_relationships, bk.buckets
    from cur c join users u on u.id = c.user_id
    cross join medians md cross join buckets bk
    left join lateral (
      select s.total from snapshots s
      where s.user_id = c.user_id and s.measured_on <= ${monthAgo}::date and s.measured_on >= ${monthAgo}::date - ${cal.staleDays}::int
      order by s.measured_on desc limit 1
    ) p on true
    order by c.total desc nulls last, lower(coalesce(u.name, u.email)), c.user_id`,
  );
  // The aggregates are the same on every row; with no members there are none (and nobody is fresh).
  const agg = rows[0];
  const rawBuckets = agg ? (typeof agg.buckets === "string" ? JSON.parse(agg.buckets) : agg.buckets) : [];
  const distribution = Array.from({ length: 10 }, () => 0);
  for (const [bucket, n] of rawBuckets as [number, number][]) distribution[Number(bucket)] = Number(n);
  return {
    members: rows.map((r) => {
      const status = r.measured_on === null ? "never" : r.fresh ? "fresh" : "stale";
      return {
        userId: r.user_id,
        name: r.name?.trim() || r.email,
        email: r.email,
        status,
        measuredOn: r.measured_on,
        total: num(r.total),
        components:
          r.measured_on === null
            ? null
            : { brand: num(r.brand)!, people: num(r.people)!, insights: num(r.insights)!, relationships: num(r.relationships)! },
        change4w: status === "fresh" && r.prev_total !== null ? round3(Number(r.total) - Number(r.prev_total)) : null,
        submittedThisWeek: r.this_week === true,
      };
    }),
    componentMedians:
      agg && Number(agg.n_fresh) > 0
        ? { brand: num(agg.med_brand)!, people: num(agg.med_people)!, insights: num(agg.med_insights)!, relationships: num(agg.med_relationships)! }
        : null,
    distribution,
  };
}

export type RankPoint = { weekStart: string; asOf: string; rank: number | null; ranked: number; total: number | null };

/** One member's weekly team rank (competition rank among fresh members at each week's end) and total. */
export async function getMemberRankHistory(access: TeamAccess, userId: string, cal: TeamCalendar, weeks: number): Promise<RankPoint[]> {
  const db = await database();
  const rows = await queryRows<{ week_start: string; as_of: string; rank: number | null; ranked: number; total: number | null }>(
    db,
    sql`
    with weeks as (${weeksCte(cal, weeks)}),
    members as (select user_id from memberships where team_id = ${access.teamId}),
    latest as (
      select w.week_start, mb.user_id, s.total
      from weeks w cross join members mb
      join lateral (
        select total, measured_on from snapshots s
        where s.user_id = mb.user_id and s.measured_on <= w.as_of and s.measured_on >= w.as_of - ${cal.staleDays}::int
        order by s.measured_on desc limit 1
      ) s on true
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

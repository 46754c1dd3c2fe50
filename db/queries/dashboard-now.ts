import { sql } from "drizzle-orm";
import { database, queryRowsPrepared } from "../client";
import { cachedTeamFigure } from "./cache";
import type { TrendWeekRow } from "./dashboard-rollup";
import { decodeJson, num, weekStartSql, type TeamCalendar } from "./dashboard-sql";
import { latestFreshSnapshotSql, latestSnapshotSql } from "./latest-snapshot";
import { addDays, weekStartOf } from "@/lib/dates";
import { detectRecalibration } from "@/lib/recalibration";
import { round3, type ComponentValues } from "@/lib/ssi";
import type { TeamAccess } from "@/lib/team-access";

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

/** The dashboard's headline figures at today, with their change over four weeks (computed with the team now). */
export async function getTeamHeadline(access: TeamAccess, cal: TeamCalendar): Promise<TeamHeadline> {
  return (await getTeamNow(access, cal)).headline;
}

/**
 * The team now (with its headline) from the figure cache, keyed by the team's data version and calendar: the one
 * key the dashboard and the teams overview share, so a team's members are read once per data version for both.
 */
export function cachedTeamNow(team: { id: string; dataVersion: number }, access: TeamAccess, cal: TeamCalendar): Promise<TeamNow> {
  return cachedTeamFigure(team.id, team.dataVersion, `dashboard:now:${cal.today}:${cal.weekStart}:${cal.staleDays}`, () => getTeamNow(access, cal));
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
  /** The headline figures: read off the same latest scores, so the page computes them once. */
  headline: TeamHeadline;
  /** The trend's current week (getTeamTrend's last point, raw), read off the same latest scores. */
  currentWeek: TrendWeekRow;
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
  /** This week's latest total minus the last total of the two weeks before it (the recalibration check's input). */
  week_change: number | null;
};

type NowAggregates = {
  n_fresh: number;
  med_brand: number | null;
  med_people: number | null;
  med_insights: number | null;
  med_relationships: number | null;
  /** [bucket, count] pairs of fresh totals. */
  buckets: unknown;
  /** Average and median of the fresh totals now, and of the members' latest fresh totals 28 days earlier. */
  avg_now: number | null;
  med_now: number | null;
  avg_before: number | null;
  med_before: number | null;
  /** Averages of the fresh latest scores' industry figure and components (the trend's current week). */
  avg_industry: number | null;
  avg_brand: number | null;
  avg_people: number | null;
  avg_insights: number | null;
  avg_relationships: number | null;
};

/**
 * Every member's state now (latest snapshot, freshness, change over four weeks, whether they submitted this
 * week), the component medians of fresh members, the distribution of fresh totals and the headline figures, all
 * computed in SQL, in one statement.
 *
 * The headline's average and median now and 28 days earlier are the trend's point statistics (pointStatsSql) at
 * those two dates, taken over the same lookups this statement makes anyway: a member counts now when their latest
 * score is fresh (the `cur` lookup's first branch is exactly pointStatsSql's lookup), and 28 days earlier when they
 * have a fresh score then (the `prev` lookup is pointStatsSql's at that date); the same aggregates over the same
 * numeric values give the same figures. The counts are read off the member rows.
 *
 * The trend's current week is read off the same lookups (db/queries/dashboard-headline.test.ts compares it with
 * the trend's own statements): its point statistics are those at today, over the same fresh latest scores; a
 * member submitted this week exactly when their latest score up to today is dated in it; and their change within
 * the week (the recalibration check's input) is that latest total minus the last total of the two weeks before
 * the week, looked up only for those who submitted.
 */
export async function getTeamNow(access: TeamAccess, cal: TeamCalendar): Promise<TeamNow> {
  const db = await database();
  const monthAgo = addDays(cal.today, -28);
  const thisWeek = weekStartSql(sql`${cal.today}::date`, cal.weekStart);
  // One statement: every member's latest snapshot is looked up once (a materialized CTE) and serves the
  // member rows, the component medians, the distribution and the headline (on one of the rows).
  // Prepared: parsed and planned once per connection (its plan does not depend on the values).
  const rows = await queryRowsPrepared<MemberRow & { agg: unknown }>(
    db,
    sql`
    with cur as materialized (
      select m.user_id, s.measured_on, s.total, s.brand, s.people, s.insights, s.relationships,
             (s.measured_on is not null and ${cal.today}::date - s.measured_on <= ${cal.staleDays}::int) as fresh,
             p.total as prev_total, s.industry_avg, (s.total - w.total)::float8 as week_change
      from memberships m
      left join lateral (${latestSnapshotSql(sql`m.user_id`, sql`${cal.today}::date`, cal.staleDays, sql`s.measured_on, s.total, s.brand, s.people, s.insights, s.relationships, s.industry_avg`)}) s on true
      left join lateral (${latestFreshSnapshotSql(sql`m.user_id`, sql`${monthAgo}::date`, cal.staleDays, sql`s.total`)}) p on true
      left join lateral (
        select w.total from snapshots w
        where s.measured_on >= ${thisWeek} and w.user_id = m.user_id and w.measured_on < ${thisWeek} and w.measured_on >= ${thisWeek} - 14
        order by w.measured_on desc limit 1
      ) w on true
      where m.team_id = ${access.teamId}
    ),
    medians as (
      select count(*)::int as n_fresh,
             percentile_cont(0.5) within group (order by brand::float8) as med_brand,
             percentile_cont(0.5) within group (order by people::float8) as med_people,
             percentile_cont(0.5) within group (order by insights::float8) as med_insights,
             percentile_cont(0.5) within group (order by relationships::float8) as med_relationships,
             avg(total)::float8 as avg_now,
             percentile_cont(0.5) within group (order by total::float8) as med_now,
             avg(industry_avg)::float8 as avg_industry,
             avg(brand)::float8 as avg_brand, avg(people)::float8 as avg_people,
             avg(insights)::float8 as avg_insights, avg(relationships)::float8 as avg_relationships
      from cur where fresh
    ),
    before as (
      select avg(prev_total)::float8 as avg_before,
             percentile_cont(0.5) within group (order by prev_total::float8) as med_before
      from cur where prev_total is not null
    ),
    buckets as (
      select coalesce(json_agg(json_build_array(bucket, n)), '[]'::json) as buckets
      from (select least(floor(total / 10), 9)::int as bucket, count(*)::int as n from cur where fresh group by 1) b
    )
    select c.user_id, u.name, u.email, c.measured_on::text as measured_on, c.fresh,
           c.total::float8 as total, c.brand::float8 as brand, c.people::float8 as people,
           c.insights::float8 as insights, c.relationships::float8 as relationships,
           c.prev_total::float8 as prev_total,
           coalesce(c.measured_on >= ${thisWeek}, false) as this_week, c.week_change,
           -- The aggregates on one row only: on every row they were a thousand copies to decode.
           case when row_number() over () = 1 then json_build_object(
             'n_fresh', md.n_fresh, 'med_brand', md.med_brand, 'med_people', md.med_people, 'med_insights', md.med_insights,
             'med_relationships', md.med_relationships, 'buckets', bk.buckets, 'avg_now', md.avg_now, 'med_now', md.med_now,
             'avg_before', bf.avg_before, 'med_before', bf.med_before, 'avg_industry', md.avg_industry, 'avg_brand', md.avg_brand,
             'avg_people', md.avg_people, 'avg_insights', md.avg_insights, 'avg_relationships', md.avg_relationships) end as agg
    from cur c join users u on u.id = c.user_id
    cross join medians md cross join buckets bk cross join before bf
    order by c.total desc nulls last, lower(coalesce(u.name, u.email)), c.user_id`,
  );
  // With no members there are no aggregates (and nobody is fresh).
  const aggRow = rows.find((r) => r.agg !== null && r.agg !== undefined);
  const agg = aggRow ? decodeJson<NowAggregates | null>(aggRow.agg, null) ?? undefined : undefined;
  const distribution = Array.from({ length: 10 }, () => 0);
  for (const [bucket, n] of decodeJson<[number, number][]>(agg?.buckets, [])) distribution[Number(bucket)] = Number(n);
  const members = rows.map((r): MemberNow => {
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
  });
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : round3(a - b));
  const raw = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const thisWeekStart = weekStartOf(cal.today, cal.weekStart);
  const submittedThisWeek = members.filter((m) => m.submittedThisWeek).length;
  const [average, median, averageBefore, medianBefore] = [agg?.avg_now, agg?.med_now, agg?.avg_before, agg?.med_before].map((v) => num(v));
  return {
    members,
    headline: {
      memberCount: members.length,
      average: average ?? null,
      median: median ?? null,
      averageChange: diff(average ?? null, averageBefore ?? null),
      medianChange: diff(median ?? null, medianBefore ?? null),
      submittedThisWeek,
      thisWeekStart,
      staleCount: members.filter((m) => m.status === "stale").length,
      neverCount: members.filter((m) => m.status === "never").length,
    },
    componentMedians:
      agg && Number(agg.n_fresh) > 0
        ? { brand: num(agg.med_brand)!, people: num(agg.med_people)!, insights: num(agg.med_insights)!, relationships: num(agg.med_relationships)! }
        : null,
    distribution,
    currentWeek: {
      week_start: thisWeekStart,
      as_of: cal.today,
      counted: Number(agg?.n_fresh ?? 0),
      average: raw(agg?.avg_now),
      median: raw(agg?.med_now),
      industry_avg: raw(agg?.avg_industry),
      brand: raw(agg?.avg_brand),
      people: raw(agg?.avg_people),
      insights: raw(agg?.avg_insights),
      relationships: raw(agg?.avg_relationships),
      submitted: submittedThisWeek,
      recalibration: detectRecalibration(rows.flatMap((r) => (r.week_change === null ? [] : [Number(r.week_change)]))),
    },
  };
}

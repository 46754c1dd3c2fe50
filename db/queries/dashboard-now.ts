import { sql } from "drizzle-orm";
import { database, queryRows } from "../client";
import { decodeJson, num, pointStatsSql, toStats, weekStartSql, type StatsRow, type TeamCalendar } from "./dashboard-sql";
import { latestFreshSnapshotSql, latestSnapshotSql } from "./latest-snapshot";
import { addDays } from "@/lib/dates";
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
    left join lateral (${latestFreshSnapshotSql(sql`c.user_id`, sql`${monthAgo}::date`, cal.staleDays, sql`s.total`)}) p on true
    order by c.total desc nulls last, lower(coalesce(u.name, u.email)), c.user_id`,
  );
  // The aggregates are the same on every row; with no members there are none (and nobody is fresh).
  const agg = rows[0];
  const distribution = Array.from({ length: 10 }, () => 0);
  for (const [bucket, n] of decodeJson<[number, number][]>(agg?.buckets, [])) distribution[Number(bucket)] = Number(n);
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

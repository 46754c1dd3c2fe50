import { sql } from "drizzle-orm";
import { database, queryRows } from "../client";
import { decodeJson, membersCte, pointStatsSql, toStats, weekRangeCte, weekStartSql, type StatsRow, type TeamCalendar } from "./dashboard-sql";
import { keepTrendWeeks, readKeptTrendWeeks, type TrendWeekRow } from "./dashboard-rollup";
import { latestInRangeSql } from "./latest-snapshot";
import { addDays, weekStartOf } from "@/lib/dates";
import { detectRecalibration, type RecalibrationVerdict } from "@/lib/recalibration";
import type { Component } from "@/lib/ssi";
import type { TeamAccess } from "@/lib/team-access";

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

/** Weeks whose figures were computed from the snapshots (not read from the kept ones) since start: for tests. */
export const trendWeeksComputed = { count: 0 };

/**
 * The team's weekly series over the last `weeks` weeks (the current week last), weeks with no scores included
 * as empty points. Per week: average/median/components of fresh latest snapshots, how many members submitted
 * a score dated in the week, and whether the week looks like a LinkedIn-wide recalibration.
 *
 * Completed weeks come from team_week_figures when kept there; the others are computed, one pair of statements
 * per run of consecutive missing weeks, and the completed ones among them kept. The current week is computed too,
 * unless the caller has it: the dashboard passes the one its members-now statement computes (getTeamNow's
 * `currentWeek`, the same figures off the same lookups), so a view with every past week kept runs one statement
 * here, read alongside that one.
 */
export async function getTeamTrend(
  access: TeamAccess,
  cal: TeamCalendar,
  weeks: number,
  opts: { current?: Promise<TrendWeekRow> } = {},
): Promise<WeekPoint[]> {
  const current = weekStartOf(cal.today, cal.weekStart);
  const first = addDays(current, -7 * (weeks - 1));
  const { version, kept } = await readKeptTrendWeeks(access.teamId, cal.staleDays, first, current);
  const runs: { first: string; count: number }[] = [];
  for (let i = 0; i < weeks; i++) {
    const week = addDays(first, 7 * i);
    if (week === current ? opts.current : kept.has(week)) continue;
    const run = runs.at(-1);
    if (run && addDays(run.first, 7 * run.count) === week) run.count++;
    else runs.push({ first: week, count: 1 });
  }
  const computed = (await Promise.all(runs.map((r) => computeTrendWeeks(access.teamId, cal, r.first, r.count)))).flat();
  // Only completed weeks are kept: the current one changes with every submission (and its as_of is today).
  await keepTrendWeeks(access.teamId, cal.staleDays, version, computed.filter((r) => r.week_start < current));
  for (const r of computed) kept.set(r.week_start, r);
  if (opts.current) kept.set(current, await opts.current);
  return [...kept.values()].sort((a, b) => (a.week_start < b.week_start ? -1 : 1)).map(toWeekPoint);
}

/** The same series computed from the snapshots over the whole range, nothing kept or read back (tests, explain). */
export async function computeTeamTrend(access: TeamAccess, cal: TeamCalendar, weeks: number): Promise<WeekPoint[]> {
  const first = addDays(weekStartOf(cal.today, cal.weekStart), -7 * (weeks - 1));
  return (await computeTrendWeeks(access.teamId, cal, first, weeks)).map(toWeekPoint);
}

/** A week's raw figures as the dashboard shows them (rounded). */
export function toWeekPoint(r: TrendWeekRow): WeekPoint {
  return { weekStart: r.week_start, asOf: r.as_of, ...toStats(r), submitted: Number(r.submitted), recalibration: r.recalibration };
}

/** The raw figures of `count` consecutive weeks from the one starting on `first` (two statements, run together). */
async function computeTrendWeeks(teamId: string, cal: TeamCalendar, first: string, count: number): Promise<TrendWeekRow[]> {
  trendWeeksComputed.count += count;
  const db = await database();
  const weeksSql = weekRangeCte(cal, first, count);
  const lastDay = addDays(first, 7 * count - 1) < cal.today ? addDays(first, 7 * count - 1) : cal.today;
  const [stats, activity] = await Promise.all([
    queryRows<StatsRow>(db, pointStatsSql(teamId, cal.staleDays, weeksSql)),
    queryRows<{ week_start: string; submitted: number; changes: unknown }>(
      db,
      sql`
      with weeks as (${weeksSql}),
      members as (${membersCte(teamId)}),
      -- Distinct (week, person) pairs first: a hash aggregate, where count(distinct) per week would sort
      -- every snapshot of the range, spilling to disk on a large team (docs/PERFORMANCE.md).
      submitted as (
        select week_start, count(*) as n
        from (
          select distinct ${weekStartSql(sql`s.measured_on`, cal.weekStart)} as week_start, s.user_id
          from snapshots s join members mb on mb.user_id = s.user_id
          where s.measured_on >= ${first}::date and s.measured_on <= ${lastDay}::date
        ) pairs
        group by week_start
      ),
      changes as (
        -- Each member's latest total in the week against their last total in the two weeks before it.
        select w.week_start, (cur.total - prev.total)::float8 as change
        from weeks w cross join members mb
        join lateral (${latestInRangeSql(sql`mb.user_id`, sql`w.week_start`, sql`w.as_of`, sql`total`)}) cur on true
        join lateral (${latestInRangeSql(sql`mb.user_id`, sql`w.week_start - 14`, sql`w.week_start - 1`, sql`total`)}) prev on true
      )
      select w.week_start::text as week_start, coalesce(sub.n, 0)::int as submitted,
             (select coalesce(json_agg(c.change), '[]'::json) from changes c where c.week_start = w.week_start) as changes
      from weeks w left join submitted sub on sub.week_start = w.week_start`,
    ),
  ]);
  const byWeek = new Map(activity.map((a) => [a.week_start, a]));
  return stats.map((r) => {
    const a = byWeek.get(r.week_start);
    const changes = decodeJson<unknown[]>(a?.changes, []).map(Number);
    return { ...r, submitted: Number(a?.submitted ?? 0), recalibration: detectRecalibration(changes) };
  });
}

import { sql } from "drizzle-orm";
import { database, queryRowsPrepared } from "../client";
import { decodeJson, type StatsRow } from "./dashboard-sql";
import type { RecalibrationVerdict } from "@/lib/recalibration";

/**
 * One week's trend figures as the SQL computes them (unrounded aggregates) and the recalibration check's verdict on
 * the week: kept in team_week_figures or live.
 */
export type TrendWeekRow = StatsRow & { submitted: number; recalibration: RecalibrationVerdict };

/**
 * The kept figures of the team's completed weeks from `first` up to (not including) `current`, by week start,
 * and the team's data version read in the same statement (the snapshot the missing weeks are computed after).
 */
export async function readKeptTrendWeeks(teamId: string, staleDays: number, first: string, current: string) {
  const db = await database();
  // Prepared: parsed and planned once per connection (every view of a dashboard reads it).
  const rows = await queryRowsPrepared<Partial<TrendWeekRow> & { version: string }>(
    db,
    sql`
    select t.data_version::text as version, k.week_start::text as week_start, (k.week_start + 6)::text as as_of,
           k.counted, k.average, k.median, k.industry_avg, k.brand, k.people, k.insights, k.relationships, k.submitted, k.recalibration
    from teams t
    left join team_week_figures k on k.team_id = t.id and k.stale_days = ${staleDays}
      and k.week_start >= ${first}::date and k.week_start < ${current}::date and (k.week_start - ${first}::date) % 7 = 0
    where t.id = ${teamId}`,
  );
  const kept = new Map<string, TrendWeekRow>();
  for (const r of rows) {
    if (r.week_start) kept.set(r.week_start, { ...(r as TrendWeekRow), recalibration: decodeJson<RecalibrationVerdict | null>(r.recalibration, null)! });
  }
  return { version: rows[0]?.version ?? "0", kept };
}

/**
 * Keeps computed figures of completed weeks, unless a write committed since `version` was read: the team row is
 * share-locked and its data version checked in the inserting statement, and every write that forgets kept weeks
 * (migration 0012) raises that version under a stronger lock first, so a week computed before a write that
 * concerns it is never kept after the write. Two readers keeping the same week store the same figures (the
 * first wins: on conflict do nothing).
 */
export async function keepTrendWeeks(teamId: string, staleDays: number, version: string, rows: TrendWeekRow[]): Promise<void> {
  if (!rows.length) return;
  const db = await database();
  const json = JSON.stringify(
    rows.map((r) => ({
      week_start: r.week_start,
      counted: Number(r.counted),
      average: r.average,
      median: r.median,
      industry_avg: r.industry_avg,
      brand: r.brand,
      people: r.people,
      insights: r.insights,
      relationships: r.relationships,
      submitted: r.submitted,
      recalibration: r.recalibration,
    })),
  );
  await db.execute(sql`
    insert into team_week_figures (team_id, week_start, stale_days, counted, average, median, industry_avg, brand, people,
                                   insights, relationships, submitted, recalibration)
    select ${teamId}, r.week_start, ${staleDays}, r.counted, r.average, r.median, r.industry_avg, r.brand, r.people,
           r.insights, r.relationships, r.submitted, r.recalibration
    from jsonb_to_recordset(${json}::jsonb) as r(week_start date, counted int, average float8, median float8, industry_avg float8,
         brand float8, people float8, insights float8, relationships float8, submitted int, recalibration jsonb)
    where exists (select 1 from teams t where t.id = ${teamId} and t.data_version = ${version}::bigint for share)
    on conflict do nothing`);
}

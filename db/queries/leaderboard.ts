import { sql } from "drizzle-orm";
import { database, queryRows } from "../client";
import type { BoardEntry, Leaderboard } from "./leaderboard-types";
import { cachedTeamFigure } from "./cache";
import { latestSnapshotSql } from "./latest-snapshot";
import { addDays } from "@/lib/dates";
import type { RankBy } from "@/lib/ranking";
import { round3 } from "@/lib/ssi";
import { hasRole, type TeamAccess } from "@/lib/team-access";

export type { BoardEntry, Leaderboard } from "./leaderboard-types";

type Row = {
  user_id: string;
  name: string | null;
  email: string;
  measured_on: string | null;
  days_ago: number | null;
  total: number | null;
  brand: number | null;
  people: number | null;
  insights: number | null;
  relationships: number | null;
  value: number | null;
  rank: number | null;
  prev_rank: number | null;
  prev_total: number | null;
  hides: boolean;
  fresh: boolean;
};

const SNAPSHOT_COLUMNS = sql`s.measured_on, s.total, s.brand, s.people, s.insights, s.relationships`;
const RANK_COLUMNS: Record<RankBy, string> = { total: "total", brand: "brand", people: "people", insights: "insights", relationships: "relationships" };

/**
 * Privacy: a member who set "hide my components" shows teammates only their total. Managers, owners and the
 * person themself still see the four components. When the board is ranked by a component, such a member is
 * not ranked for a teammate (their place would reveal the value): they are listed as "hidden" instead.
 *
 * The team's board at `asOf`: every member's latest snapshot at or before that date (one bounded index
 * descent per member via the (user_id, measured_on) key, see latestSnapshotSql), ranked with rank() among
 * members whose snapshot is within the
 * staleness window, plus the same ranking one week earlier for the rank change. All in one SQL statement.
 */
export async function getTeamLeaderboard(
  access: TeamAccess,
  opts: { asOf: string; by: RankBy; staleDays: number; /** The team's data version: when given, the rows may come from the cache. */ version?: number },
): Promise<Pick<Leaderboard, "entries" | "rankedCount" | "memberCount" | "average" | "median" | "viewer">> {
  const seesAll = hasRole(access.role, "manager");
  const byComponent = opts.by !== "total";
  // Everyone's board has the same ranks except a teammate's board ranked by a component, where people who hide
  // their components are left out: those rows are computed for the viewer, the others shared (hidden values are
  // removed per viewer below, never in the shared rows' consumers).
  const shared = seesAll || !byComponent;
  const perspective = shared ? { seesAll: true, viewerId: "" } : { seesAll: false, viewerId: access.userId };
  const load = () => boardRows(access.teamId, opts, perspective);
  const rows =
    shared && opts.version !== undefined
      ? await cachedTeamFigure(access.teamId, opts.version, `board:${opts.asOf}:${opts.by}:${opts.staleDays}`, load)
      : await load();

  const entries: BoardEntry[] = rows.map((r) => {
    const status: BoardEntry["status"] =
      r.rank !== null ? "ranked" : r.fresh ? "hidden" : r.measured_on ? "stale" : "never";
    // The hidden values never leave this function for a viewer who may not see them.
    const hideValues = !seesAll && r.hides && r.user_id !== access.userId;
    return {
      userId: r.user_id,
      name: r.name?.trim() || r.email,
      status,
      rank: r.rank,
      rankChange: r.rank === null ? null : r.prev_rank === null ? "new" : r.prev_rank - r.rank,
      value: hideValues && byComponent ? null : r.value,
      total: r.total,
      components:
        r.measured_on === null || hideValues
          ? null
          : { brand: r.brand!, people: r.people!, insights: r.insights!, relationships: r.relationships! },
      totalChange: r.total !== null && r.prev_total !== null ? round3(r.total - r.prev_total) : null,
      measuredOn: r.measured_on,
      daysAgo: r.days_ago,
      isViewer: r.user_id === access.userId,
      hidden: hideValues,
    };
  });
  // Members with a fresh score, whether ranked in this view or not ranked because their breakdown is hidden.
  const freshTotals = entries.filter((e) => e.status === "ranked" || e.status === "hidden").map((e) => e.total!);
  const viewer = entries.find((e) => e.isViewer);
  return {
    entries,
    rankedCount: entries.filter((e) => e.status === "ranked").length,
    memberCount: entries.length,
    average: freshTotals.length ? round3(freshTotals.reduce((a, b) => a + b, 0) / freshTotals.length) : null,
    median: median(freshTotals),
    viewer: viewer ? { rank: viewer.rank, status: viewer.status } : null,
  };
}

/**
 * The board's rows from the perspective given: `seesAll` (nobody's components hidden, everyone rankable), or a
 * teammate `viewerId` for whom people who hide their components are not ranked by a component.
 */
async function boardRows(
  teamId: string,
  opts: { asOf: string; by: RankBy; staleDays: number },
  perspective: { seesAll: boolean; viewerId: string },
): Promise<Row[]> {
  const db = await database();
  const col = sql.raw(RANK_COLUMNS[opts.by]);
  const weekAgo = addDays(opts.asOf, -7);
  const { seesAll, viewerId } = perspective;
  const byComponent = opts.by !== "total";
  return queryRows<Row>(
    db,
    sql`
    with members as (
      select m.user_id, u.name, u.email,
             (u.hide_components and not ${seesAll}::boolean and m.user_id <> ${viewerId}) as hidden,
             u.hide_components as hides
      from memberships m join users u on u.id = m.user_id
      where m.team_id = ${teamId}
    ),
    cur as (
      select mb.user_id, s.measured_on, s.total, s.brand, s.people, s.insights, s.relationships, s.${col} as value,
             (s.measured_on is not null and ${opts.asOf}::date - s.measured_on <= ${opts.staleDays}) as fresh,
             (s.measured_on is not null and ${opts.asOf}::date - s.measured_on <= ${opts.staleDays}
              and not (mb.hidden and ${byComponent}::boolean)) as rankable
      from members mb
      left join lateral (${latestSnapshotSql(sql`mb.user_id`, sql`${opts.asOf}::date`, opts.staleDays, SNAPSHOT_COLUMNS)}) s on true
    ),
    prev as (
      select mb.user_id, s.total, s.${col} as value,
             (s.measured_on is not null and ${weekAgo}::date - s.measured_on <= ${opts.staleDays}
              and not (mb.hidden and ${byComponent}::boolean)) as rankable
      from members mb
      left join lateral (${latestSnapshotSql(sql`mb.user_id`, sql`${weekAgo}::date`, opts.staleDays, SNAPSHOT_COLUMNS)}) s on true
    ),
    cur_ranked as (
      select *, case when rankable then rank() over (partition by rankable order by value desc) end as rank from cur
    ),
    prev_ranked as (
      select *, case when rankable then rank() over (partition by rankable order by value desc) end as rank from prev
    )
    select mb.user_id, mb.name, mb.email,
           c.measured_on::text as measured_on,
           (${opts.asOf}::date - c.measured_on)::int as days_ago,
           c.total::float8 as total, c.brand::float8 as brand, c.people::float8 as people,
           c.insights::float8 as insights, c.relationships::float8 as relationships, c.value::float8 as value,
           c.rank::int as rank, p.rank::int as prev_rank, p.total::float8 as prev_total,
           mb.hides, c.fresh
    from members mb
    join cur_ranked c on c.user_id = mb.user_id
    join prev_ranked p on p.user_id = mb.user_id
    order by c.rank nulls last, c.measured_on desc nulls last, lower(coalesce(mb.name, mb.email)), mb.user_id`,
  );
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : round3((s[mid - 1]! + s[mid]!) / 2);
}



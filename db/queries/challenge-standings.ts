import { sql } from "drizzle-orm";
import { and, eq, isNull } from "drizzle-orm";
import { database, queryRows } from "../client";
import { challengeFinals, challenges } from "../schema";
import type { ChallengeRow } from "./challenges";
import { cachedTeamFigure } from "./cache";
import { latestSnapshotSql } from "./latest-snapshot";
import { addDays, daysBetween, todayInZone } from "@/lib/dates";
import { effectiveEnd, isFinal } from "@/lib/challenges/rules";
import type { ChallengeEntry, ChallengeStandings, TeamStanding } from "@/lib/challenges/standings-types";
import { hasRole, type TeamAccess } from "@/lib/team-access";

export type { ChallengeEntry, ChallengeStandings, TeamStanding } from "@/lib/challenges/standings-types";

type Row = {
  team_id: string;
  team_name: string;
  team_participants: number;
  team_counted: number;
  team_average: number | null;
  team_rank: number | null;
  user_id: string | null;
  name: string | null;
  email: string | null;
  joiner: boolean | null;
  hides: boolean | null;
  base_on: string | null;
  base_value: number | null;
  cur_on: string | null;
  cur_value: number | null;
  improvement: number | null;
  reached_on: string | null;
  distance: number | null;
  rank: number | null;
};

/** Booleans from the code (never from input) as SQL literals: the planner then drops the branches they turn off. */
const bool = (b: boolean) => sql.raw(b ? "true" : "false");

const METRIC_COLUMNS = { total: "total", brand: "brand", people: "people", insights: "insights", relationships: "relationships" } as const;

/**
 * A challenge's standings (lib/challenges/rules.ts states the rules) for the team `access` is in: one SQL
 * statement over each participant's snapshots through the board's latest-snapshot lookup, cached by the
 * challenge's revision and the data versions of every team taking part. In a team-against-team challenge the
 * viewer sees their own team's people; the other teams only as aggregates (that filter happens here, so other
 * teams' people never leave this function).
 */
export async function getChallengeStandings(
  access: TeamAccess,
  challenge: ChallengeRow,
  opts: { today: string; staleDays: number; timeZone: string },
): Promise<ChallengeStandings> {
  const seesAll = hasRole(access.role, "manager");
  // Ranked by a component, people who hide their components are not placed for a teammate (as on the board).
  const shared = seesAll || challenge.metric === "total";
  const perspective = shared ? { seesAll: true, viewerId: "" } : { seesAll: false, viewerId: access.userId };
  const end = effectiveEnd(challenge, opts.today);
  const final = challenge.finalAt !== null || (isFinal(challenge, opts.today) && (await makeFinal(challenge, { ...opts, end })));
  const load = () => standingsRows(challenge, { ...opts, end, final }, perspective);
  const versions = challenge.teams.map((t) => `${t.id}=${t.dataVersion}`).join(",");
  const key = `challenge:${challenge.id}:${final ? "final" : end}:${opts.staleDays}:${opts.timeZone}:${versions}`;
  const rows = shared ? await cachedTeamFigure(challenge.hostTeamId, challenge.revision, key, load) : await load();

  const teams = new Map<string, TeamStanding>();
  const entries: ChallengeEntry[] = [];
  for (const r of rows) {
    if (!teams.has(r.team_id)) {
      teams.set(r.team_id, {
        teamId: r.team_id,
        name: r.team_name,
        rank: r.team_rank,
        average: r.team_average,
        participants: r.team_participants,
        counted: r.team_counted,
        isViewerTeam: r.team_id === access.teamId,
      });
    }
    if (r.user_id === null || r.team_id !== access.teamId) continue;
    const hidden = !seesAll && !!r.hides && challenge.metric !== "total" && r.user_id !== access.userId;
    entries.push({
      userId: r.user_id,
      name: r.name?.trim() || r.email!,
      status: r.rank !== null ? "ranked" : hidden ? "hidden" : "unranked",
      rank: r.rank,
      joiner: !!r.joiner,
      baseline: hidden || r.base_on === null ? null : { on: r.base_on, value: r.base_value! },
      current: hidden || r.cur_on === null ? null : { on: r.cur_on, value: r.cur_value!, daysAgo: daysBetween(r.cur_on, end) },
      improvement: hidden ? null : r.improvement,
      reachedOn: hidden ? null : r.reached_on,
      distance: hidden ? null : r.distance,
      isViewer: r.user_id === access.userId,
    });
  }
  return {
    end,
    entries,
    teams: [...teams.values()].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.name.localeCompare(b.name)),
  };
}

/** The standings today in the host team's time zone, with its staleness window (the rules every team plays by). */
export function getCurrentChallengeStandings(access: TeamAccess, challenge: ChallengeRow): Promise<ChallengeStandings> {
  const host = challenge.teams[0]!;
  return getChallengeStandings(access, challenge, { today: todayInZone(host.timeZone), staleDays: host.staleDays, timeZone: host.timeZone });
}

/**
 * Makes an ended challenge's result final: every participant's starting and last value as they stand now go
 * into challenge_finals, and challenges.final_at is set, in one transaction. Of several instances reading it
 * at once, the one whose update finds final_at still empty writes the rows; the others read them. Returns true.
 */
async function makeFinal(c: ChallengeRow, o: { end: string; staleDays: number; timeZone: string }): Promise<true> {
  const rows = (await standingsRows(c, { ...o, final: false }, { seesAll: true, viewerId: "" })).filter((r) => r.user_id !== null);
  const db = await database();
  await db.transaction(async (tx) => {
    const won = await tx
      .update(challenges)
      .set({ finalAt: new Date() })
      .where(and(eq(challenges.id, c.id), isNull(challenges.finalAt)))
      .returning({ id: challenges.id });
    if (won.length === 0 || rows.length === 0) return;
    await tx.insert(challengeFinals).values(
      rows.map((r) => ({
        challengeId: c.id,
        teamId: r.team_id,
        userId: r.user_id!,
        joiner: !!r.joiner,
        baseOn: r.base_on,
        baseValue: r.base_value,
        curOn: r.cur_on,
        curValue: r.cur_value,
        reachedOn: r.reached_on,
      })),
    );
  });
  return true;
}

async function standingsRows(
  c: ChallengeRow,
  o: { end: string; staleDays: number; timeZone: string; final: boolean },
  perspective: { seesAll: boolean; viewerId: string },
): Promise<Row[]> {
  const db = await database();
  const col = sql.raw(METRIC_COLUMNS[c.metric]);
  const cols = sql`s.measured_on, s.${col} as value`;
  const start = sql`${c.startsOn}::date`;
  const end = sql`${o.end}::date`;
  const earliest = addDays(c.startsOn, -o.staleDays);
  const race = c.kind === "race";
  const target = c.target ?? 0;
  const byComponent = c.metric !== "total";
  // Current: the latest score at or before the effective end, no older than the baseline window.
  const currentWindow = daysBetween(earliest, o.end);
  // Before the start (an upcoming challenge) nothing after today counts, the baseline included.
  const baseAsOf = o.end < c.startsOn ? o.end : c.startsOn;
  const memberOrder = race
    ? sql`sc.reached_on nulls last, case when sc.reached_on is null then greatest(${target}::numeric - sc.cur_value, 0) else 0 end`
    : sql`sc.cur_value - sc.base_value desc`;
  // Final: the kept values; names and the privacy setting as they are now.
  const scored = o.final
    ? sql`
    scored as (
      select f.team_id, f.user_id, u.name, u.email, u.hide_components as hides, f.joiner,
             (u.hide_components and ${bool(byComponent)} and not ${bool(perspective.seesAll)} and f.user_id <> ${perspective.viewerId}) as hidden,
             f.base_on, f.base_value, f.cur_on, f.cur_value, f.reached_on
      from challenge_finals f join users u on u.id = f.user_id
      where f.challenge_id = ${c.id}
    ),`
    : sql`
    parts as (
      select ct.team_id, m.user_id, u.name, u.email, u.hide_components as hides,
             (m.created_at at time zone ${o.timeZone})::date > ${start} as joiner,
             (u.hide_components and ${bool(byComponent)} and not ${bool(perspective.seesAll)} and m.user_id <> ${perspective.viewerId}) as hidden
      from challenge_teams ct
      join memberships m on m.team_id = ct.team_id
      join users u on u.id = m.user_id
      where ct.challenge_id = ${c.id}
        and (${bool(c.allMembers)} or m.user_id in (select cp.user_id from challenge_participants cp where cp.challenge_id = ${c.id}))
    ),
    scored as (
      select p.*, coalesce(eb.measured_on, jb.measured_on) as base_on,
             case when eb.measured_on is not null then eb.value else jb.value end as base_value,
             cur.measured_on as cur_on, cur.value as cur_value, reach.measured_on as reached_on
      from parts p
      left join lateral (${latestSnapshotSql(sql`p.user_id`, sql`${baseAsOf}::date`, daysBetween(earliest, baseAsOf), cols)}) eb
        on eb.measured_on >= ${earliest}::date
      left join lateral (
        select s.measured_on, s.${col} as value from snapshots s
        where p.joiner and s.user_id = p.user_id and s.measured_on >= ${start} and s.measured_on <= ${end}
        order by s.measured_on limit 1) jb on true
      left join lateral (${latestSnapshotSql(sql`p.user_id`, end, currentWindow, cols)}) cur
        on cur.measured_on >= ${earliest}::date
      left join lateral (
        select s.measured_on from snapshots s
        where ${bool(race)} and s.user_id = p.user_id and s.measured_on >= ${start} and s.measured_on <= ${end}
          and s.${col} >= ${target}::numeric
        order by s.measured_on limit 1) reach on true
    ),`;
  return queryRows<Row>(
    db,
    sql`
    with ${scored}
    ranked as (
      select sc.*, sc.cur_value - sc.base_value as improvement,
             case when ${bool(race)} and sc.cur_value is not null then greatest(${target}::numeric - sc.cur_value, 0) end as distance,
             case when not sc.hidden and (case when ${bool(race)} then sc.cur_value is not null else sc.base_value is not null end)
                  then rank() over (partition by sc.team_id,
                         not sc.hidden and (case when ${bool(race)} then sc.cur_value is not null else sc.base_value is not null end)
                         order by ${memberOrder}) end as rank
      from scored sc
    ),
    team_agg as (
      select ct.team_id, t.name as team_name, count(r.user_id) as participants, count(r.improvement) as counted,
             round(sum(r.improvement) / nullif(count(r.improvement), 0), 3) as average
      from challenge_teams ct join teams t on t.id = ct.team_id
      left join ranked r on r.team_id = ct.team_id
      where ct.challenge_id = ${c.id}
      group by ct.team_id, t.name
    ),
    team_ranked as (
      select *, case when average is not null then rank() over (partition by average is not null order by average desc) end as team_rank
      from team_agg
    )
    select tr.team_id, tr.team_name, tr.participants::int as team_participants, tr.counted::int as team_counted,
           tr.average::float8 as team_average, tr.team_rank::int as team_rank,
           r.user_id, r.name, r.email, r.joiner, r.hides,
           r.base_on::text as base_on, r.base_value::float8 as base_value, r.cur_on::text as cur_on, r.cur_value::float8 as cur_value,
           r.improvement::float8 as improvement, r.reached_on::text as reached_on, r.distance::float8 as distance, r.rank::int as rank
    from team_ranked tr left join ranked r on r.team_id = tr.team_id
    order by tr.team_rank nulls last, lower(tr.team_name), tr.team_id, r.rank nulls last, lower(coalesce(r.name, r.email)), r.user_id`,
  );
}

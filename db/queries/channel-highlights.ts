// Highlight events for the team channel: detected inside the transaction of the snapshot write that causes
// them, stored with a dedupe key (one event, one post), and later posted in batches by postDueHighlights.
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "../client";
import { channelHighlights, goals, memberships, teamChannels, teams } from "../schema";
import { markPassed } from "@/lib/channels/content";
import { todayInZone } from "@/lib/dates";

type WatchingTeam = { teamId: string; timeZone: string; staleDays: number };

/** The person's teams whose channel wants highlights: when there are none, a snapshot write records nothing. */
export async function listTeamsWatchingHighlights(q: Db | Tx, userId: string): Promise<WatchingTeam[]> {
  return q
    .select({ teamId: teams.id, timeZone: teams.timeZone, staleDays: teams.staleDays })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .innerJoin(teamChannels, and(eq(teamChannels.teamId, teams.id), eq(teamChannels.highlightsEnabled, true)))
    .where(eq(memberships.userId, userId));
}

/** The sole #1 of a team's current board (latest fresh score as of its today), or null on a tie or under two scores. */
async function soleLeader(q: Db | Tx, team: WatchingTeam): Promise<string | null> {
  const today = todayInZone(team.timeZone);
  const rows = await queryRows<{ user_id: string; total: number }>(
    q,
    sql`select m.user_id, s.total::float8 as total from memberships m
        cross join lateral (select total, measured_on from snapshots s where s.user_id = m.user_id and s.measured_on <= ${today}::date
                            order by s.measured_on desc limit 1) s
        where m.team_id = ${team.teamId} and s.measured_on >= ${today}::date - ${team.staleDays}::int
        order by s.total desc limit 2`,
  );
  if (rows.length < 2 || rows[0]!.total === rows[1]!.total) return null;
  return rows[0]!.user_id;
}

export type HighlightBaseline = {
  teams: WatchingTeam[];
  leaders: Map<string, string | null>;
  previousBest: number | null;
  goal: { target: number; since: string; key: number } | null;
};

/** What the board looked like before the write (run in the write's transaction, before it). */
export async function readHighlightBaseline(tx: Tx, userId: string, measuredOn: string, watching: WatchingTeam[]): Promise<HighlightBaseline> {
  const leaders = new Map<string, string | null>();
  for (const t of watching) leaders.set(t.teamId, await soleLeader(tx, t));
  const [best] = await queryRows<{ best: number | null }>(
    tx,
    sql`select max(total)::float8 as best from snapshots where user_id = ${userId} and measured_on <> ${measuredOn}::date`,
  );
  const [goal] = await tx.select({ target: goals.targetTotal, createdAt: goals.createdAt }).from(goals).where(eq(goals.userId, userId));
  return {
    teams: watching,
    leaders,
    previousBest: best?.best ?? null,
    goal: goal ? { target: goal.target, since: goal.createdAt.toISOString().slice(0, 10), key: goal.createdAt.getTime() } : null,
  };
}

/** Records the highlights the write made (after it, in the same transaction); an event already recorded is kept once. */
export async function recordHighlights(tx: Tx, userId: string, saved: { measuredOn: string; total: number }, before: HighlightBaseline) {
  const mark = markPassed(before.previousBest, saved.total);
  const goalReached = before.goal && saved.total >= before.goal.target && saved.measuredOn >= before.goal.since ? before.goal : null;
  const rows: (typeof channelHighlights.$inferInsert)[] = [];
  for (const team of before.teams) {
    const leader = await soleLeader(tx, team);
    if (leader === userId && before.leaders.get(team.teamId) !== userId) {
      rows.push({ teamId: team.teamId, userId, kind: "new_leader", total: saved.total, dedupeKey: `leader:${team.teamId}:${userId}:${saved.measuredOn}` });
    }
    if (mark !== null) rows.push({ teamId: team.teamId, userId, kind: "personal_best", total: saved.total, mark, dedupeKey: `best:${team.teamId}:${userId}:${mark}` });
    if (goalReached) {
      rows.push({ teamId: team.teamId, userId, kind: "goal_reached", total: saved.total, mark: goalReached.target, dedupeKey: `goal:${team.teamId}:${userId}:${goalReached.key}` });
    }
  }
  if (rows.length) await tx.insert(channelHighlights).values(rows).onConflictDoNothing({ target: channelHighlights.dedupeKey });
}

/** A team's highlights still waiting for a post, oldest first, locked for the batch that will post them. */
export async function lockPendingHighlights(tx: Tx, teamId: string) {
  return tx
    .select({ id: channelHighlights.id, userId: channelHighlights.userId, kind: channelHighlights.kind, total: channelHighlights.total, mark: channelHighlights.mark, createdAt: channelHighlights.createdAt })
    .from(channelHighlights)
    .where(and(eq(channelHighlights.teamId, teamId), isNull(channelHighlights.postedAt)))
    .orderBy(asc(channelHighlights.id))
    .for("update");
}

export async function markHighlightsPosted(tx: Tx, ids: number[], now: Date) {
  if (ids.length) await tx.update(channelHighlights).set({ postedAt: now }).where(inArray(channelHighlights.id, ids));
}

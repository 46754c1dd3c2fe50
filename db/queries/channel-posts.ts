// Building the team channel's posts and putting them in the outbox: the weekly summary (with the digest run)
// and the highlight batches.
import { and, eq, inArray } from "drizzle-orm";
import { database, type Db, type Tx } from "../client";
import { teamChannels, teams, users, memberships } from "../schema";
import { findPostableChannel, listTeamsWithPendingHighlights } from "./channels";
import { lockPendingHighlights, markHighlightsPosted } from "./channel-highlights";
import { getDigestChallengeAnnouncements } from "./challenge-announcements";
import { getTeamLeaderboard } from "./leaderboard";
import { enqueueEmails, type OutgoingEmail } from "./outbox";
import { addDays } from "@/lib/dates";
import { buildWeeklySummary, challengeUrl, UNNAMED, type ChannelPerson, type HighlightItem } from "@/lib/channels/content";
import { renderChallenge, renderHighlights, renderWeekly, type RenderedPost } from "@/lib/channels/render";
import { digestSendDay } from "@/lib/digest/week";
import type { ChannelKind } from "@/lib/channels/url";
import { systemTeamAccess } from "@/lib/team-access";

type Week = { start: string; end: string };

/** How each member may appear in posts: named only with a name of their own and their consent. */
async function loadChannelPeople(q: Db | Tx, teamId: string, userIds?: string[]) {
  const rows = await q
    .select({ userId: users.id, name: users.name, nameInChannels: users.nameInChannels, hide: users.hideComponents })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.teamId, teamId), userIds ? inArray(users.id, userIds) : undefined));
  const people = new Map<string, ChannelPerson & { name: string }>();
  for (const r of rows) {
    const named = r.nameInChannels && !!r.name?.trim();
    people.set(r.userId, { named, hidesBreakdown: r.hide, name: named ? r.name!.trim() : UNNAMED });
  }
  return people;
}

function channelMessage(kind: ChannelKind, teamId: string, dedupeKey: string, what: string, post: RenderedPost): OutgoingEmail {
  return { dedupeKey, kind: what, channel: kind, to: "", subject: post.summary, html: "", text: JSON.stringify(post.body), teamId };
}

/**
 * The team's weekly summary post for the week, or null when no channel wants one. Built before the digest's
 * transaction (the board queries do not run inside it); enqueued in it, next to the digest emails.
 */
export async function buildWeeklyChannelPost(teamId: string, week: Week, origin: string): Promise<OutgoingEmail | null> {
  const db = await database();
  const channel = await findPostableChannel(db, teamId, "weekly");
  const [team] = await db
    .select({ id: teams.id, name: teams.name, slug: teams.slug, staleDays: teams.staleDays, weekStart: teams.weekStart, digestDay: teams.digestDay })
    .from(teams)
    .where(eq(teams.id, teamId));
  if (!channel || !team) return null;
  const access = systemTeamAccess.channelPoster(team.id);
  const [now, before, people] = await Promise.all([
    getTeamLeaderboard(access, { asOf: week.end, by: "total", staleDays: team.staleDays }),
    getTeamLeaderboard(access, { asOf: addDays(week.end, -7), by: "total", staleDays: team.staleDays }),
    loadChannelPeople(db, team.id),
  ]);
  // The digest's challenge lines, with a winner named only when they agreed to be named in channels.
  const challenges = await getDigestChallengeAnnouncements(access, digestSendDay(team, week), (e) => people.get(e.userId)?.name ?? UNNAMED);
  const summary = buildWeeklySummary({ team, week, board: now.entries, average: now.average, previousAverage: before.average, people, origin, challenges });
  return channelMessage(channel.kind, team.id, `channel:weekly:${team.id}:${week.start}`, "channel_weekly", renderWeekly(channel.kind, summary));
}

/**
 * When a manager starts a challenge: a post to the channel of every team taking part that wants highlights,
 * enqueued in the transaction that creates the challenge (once per team: the dedupe key is the challenge's).
 * The text names no member: only the challenge, its kind and its dates.
 */
export async function enqueueChallengeCreatedPosts(tx: Tx, teamIds: string[], challenge: { id: string; text: string }, origin: string): Promise<number> {
  const posts: OutgoingEmail[] = [];
  for (const teamId of teamIds) {
    const channel = await findPostableChannel(tx, teamId, "highlights");
    if (!channel) continue;
    const [team] = await tx.select({ name: teams.name, slug: teams.slug }).from(teams).where(eq(teams.id, teamId));
    if (!team) continue;
    const note = { text: challenge.text, url: challengeUrl(origin, team.slug, challenge.id) };
    const post = renderChallenge(channel.kind, { team, note, boardUrl: `${origin}/t/${team.slug}` });
    posts.push(channelMessage(channel.kind, teamId, `channel:challenge:${challenge.id}:${teamId}`, "channel_challenge", post));
  }
  return posts.length ? enqueueEmails(tx, posts) : 0;
}

/** Highlights wait for a quiet spell (no new one for this long) so that a busy morning makes one post… */
export const HIGHLIGHT_QUIET_MS = 20 * 60_000;
/** …but never longer than this after the first of them. */
export const HIGHLIGHT_MAX_WAIT_MS = 3 * 60 * 60_000;

/**
 * Posts each team's waiting highlights as one message when they are due. Per team, one transaction locks the
 * channel row (SKIP LOCKED: another instance batching the same team skips it), takes every waiting event,
 * enqueues the post and marks the events posted, so each event is in exactly one post.
 */
export async function postDueHighlights(now: Date, opts: { origin: string; quietMs?: number; maxWaitMs?: number }): Promise<number> {
  const db = await database();
  const quiet = opts.quietMs ?? HIGHLIGHT_QUIET_MS;
  const maxWait = opts.maxWaitMs ?? HIGHLIGHT_MAX_WAIT_MS;
  let posted = 0;
  for (const teamId of await listTeamsWithPendingHighlights()) {
    const done = await db.transaction(async (tx) => {
      const [channel] = await tx
        .select({ kind: teamChannels.kind, name: teams.name, slug: teams.slug })
        .from(teamChannels)
        .innerJoin(teams, eq(teams.id, teamChannels.teamId))
        .where(and(eq(teamChannels.teamId, teamId), eq(teamChannels.highlightsEnabled, true)))
        .for("update", { of: teamChannels, skipLocked: true });
      if (!channel) return false;
      const events = await lockPendingHighlights(tx, teamId);
      if (!events.length) return false;
      const newest = Math.max(...events.map((e) => e.createdAt.getTime()));
      const oldest = Math.min(...events.map((e) => e.createdAt.getTime()));
      if (now.getTime() - newest < quiet && now.getTime() - oldest < maxWait) return false;
      const people = await loadChannelPeople(tx, teamId, [...new Set(events.map((e) => e.userId))]);
      const items = events.map((e): HighlightItem => {
        const name = people.get(e.userId)?.name ?? UNNAMED;
        return e.kind === "new_leader" ? { kind: e.kind, name, total: e.total } : { kind: e.kind, name, total: e.total, mark: e.mark ?? 0 };
      });
      const team = { name: channel.name, slug: channel.slug };
      const post = renderHighlights(channel.kind, { team, items, boardUrl: `${opts.origin}/t/${team.slug}` });
      const key = `channel:highlights:${teamId}:${events[0]!.id}-${events[events.length - 1]!.id}`;
      await enqueueEmails(tx, [channelMessage(channel.kind, teamId, key, "channel_highlights", post)]);
      await markHighlightsPosted(tx, events.map((e) => e.id), now);
      return true;
    });
    if (done) posted++;
  }
  return posted;
}

import { and, asc, eq, sql } from "drizzle-orm";
import { database } from "../client";
import { digestRuns, memberships, teams, users, type Role } from "../schema";
import { getDigestChallengeAnnouncements } from "./challenge-announcements";
import { getTeamLeaderboard } from "./leaderboard";
import { buildWeeklyChannelPost } from "./channel-posts";
import { enqueueEmails, type OutgoingEmail } from "./outbox";
import { teamFields } from "./teams";
import { addDays } from "@/lib/dates";
import { buildDigestContent } from "@/lib/digest/content";
import { renderDigest, type RenderedDigest } from "@/lib/digest/render";
import { digestSendDay, dueDigestWeek, lastCompletedWeek } from "@/lib/digest/week";
import { unsubscribeFor } from "@/lib/mail/unsubscribe";
import { grantTeamAccess, hasRole, type TeamAccess } from "@/lib/team-access";

type Week = { start: string; end: string };
type DigestTeam = { id: string; name: string; slug: string; staleDays: number; weekStart: number; digestDay: number };
type Recipient = { userId: string; name: string | null; email: string; role: Role; digestEnabled: boolean };

/** The team's board at the end of the week and the average a week before: the data every digest draws on. */
async function loadWeek(access: TeamAccess, team: DigestTeam, week: Week) {
  const [now, before, challenges] = await Promise.all([
    getTeamLeaderboard(access, { asOf: week.end, by: "total", staleDays: team.staleDays }),
    getTeamLeaderboard(access, { asOf: addDays(week.end, -7), by: "total", staleDays: team.staleDays }),
    getDigestChallengeAnnouncements(access, digestSendDay(team, week)),
  ]);
  return { board: now.entries, average: now.average, previousAverage: before.average, challenges };
}

async function listRecipients(teamId: string, userId?: string): Promise<Recipient[]> {
  const db = await database();
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, digestEnabled: users.digestEnabled })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(userId ? and(eq(memberships.teamId, teamId), eq(memberships.userId, userId)) : eq(memberships.teamId, teamId))
    .orderBy(asc(users.id));
}

function renderFor(team: DigestTeam, week: Week, data: Awaited<ReturnType<typeof loadWeek>>, r: Recipient, origin: string): RenderedDigest & { headers: Record<string, string> } {
  const content = buildDigestContent({
    team: { name: team.name, slug: team.slug },
    week,
    recipient: { userId: r.userId, name: r.name?.trim() || r.email, role: r.role },
    ...data,
  });
  const unsub = unsubscribeFor(origin, r.userId, "digest");
  return { ...renderDigest(content, { origin, unsubscribeUrl: unsub.pageUrl }), headers: unsub.headers };
}

/** Builds (without storing) one digest email per opted-in member of the team for the week. */
export async function buildTeamDigestEmails(teamId: string, week: Week, origin: string): Promise<OutgoingEmail[]> {
  const db = await database();
  const [team] = await db.select(teamFields).from(teams).where(eq(teams.id, teamId));
  if (!team) return [];
  // The scheduler acts for the whole team; the board is the same for every reader (who is "you" is per email).
  const access = grantTeamAccess(team.id, "digest-scheduler", "owner");
  const [data, recipients] = await Promise.all([loadWeek(access, team, week), listRecipients(team.id)]);
  return recipients
    .filter((r) => r.digestEnabled)
    .map((r) => {
      const m = renderFor(team, week, data, r, origin);
      return {
        dedupeKey: `digest:${team.id}:${week.start}:${r.userId}`,
        kind: "digest",
        to: r.email,
        subject: m.subject,
        html: m.html,
        text: m.text,
        headers: m.headers,
        teamId: team.id,
        userId: r.userId,
      };
    });
}

export type DigestRunResult = { teamId: string; weekStart: string; status: "enqueued" | "already-done" | "dry-run"; recipients: number; emails: OutgoingEmail[] };

/**
 * Produces a team's digest for a week, once: the digest_runs row (team, week) is inserted with ON CONFLICT DO
 * NOTHING in the same transaction as every recipient's email, so of any number of triggers and instances
 * exactly one enqueues, and a crash before commit leaves neither the run nor its emails behind.
 */
export async function runTeamDigest(teamId: string, week: Week, opts: { origin: string; dryRun?: boolean }): Promise<DigestRunResult> {
  const db = await database();
  const base = { teamId, weekStart: week.start };
  const done = async () =>
    (await db.select({ n: sql<number>`1` }).from(digestRuns).where(and(eq(digestRuns.teamId, teamId), eq(digestRuns.weekStart, week.start)))).length > 0;
  if (!opts.dryRun && (await done())) return { ...base, status: "already-done", recipients: 0, emails: [] };
  // Built before the transaction: PGlite has one connection, and the board queries do not run inside it.
  const emails = await buildTeamDigestEmails(teamId, week, opts.origin);
  // The team channel's weekly summary (when one is connected) goes out with the same run, exactly once, with
  // the digest's challenge announcements in it.
  const post = opts.dryRun ? null : await buildWeeklyChannelPost(teamId, week, opts.origin);
  if (opts.dryRun) return { ...base, status: "dry-run", recipients: emails.length, emails };
  const result = await db.transaction(async (tx) => {
    const won = await tx
      .insert(digestRuns)
      .values({ teamId, weekStart: week.start, recipients: emails.length })
      .onConflictDoNothing()
      .returning({ teamId: digestRuns.teamId });
    if (won.length === 0) return { ...base, status: "already-done" as const, recipients: 0, emails: [] };
    const n = await enqueueEmails(tx, emails);
    if (post) await enqueueEmails(tx, [post]);
    return { ...base, status: "enqueued" as const, recipients: n, emails };
  });
  return result;
}

/** Every team whose digest time (its day and hour, in its zone) has passed this week and that has no run yet. */
export async function enqueueDueDigests(now: Date, opts: { origin: string; teamSlug?: string }): Promise<DigestRunResult[]> {
  const db = await database();
  const list = await db.select(teamFields).from(teams).where(opts.teamSlug ? eq(teams.slug, opts.teamSlug) : undefined);
  const results: DigestRunResult[] = [];
  for (const team of list) {
    const week = dueDigestWeek(team, now);
    if (!week) continue;
    results.push(await runTeamDigest(team.id, week, { origin: opts.origin }));
  }
  return results;
}

/** A team by slug with its schedule (the CLI), or null. */
export async function findTeamForDigest(slug: string) {
  const db = await database();
  const [team] = await db.select(teamFields).from(teams).where(eq(teams.slug, slug));
  return team ?? null;
}

/**
 * A member's digest for the team's last completed week, rendered but not sent, for a manager to preview.
 * Null when that person is not in the team.
 */
export async function previewMemberDigest(access: TeamAccess, memberId: string, opts: { now: Date; origin: string }) {
  if (!hasRole(access.role, "manager")) return null;
  const db = await database();
  const [team] = await db.select(teamFields).from(teams).where(eq(teams.id, access.teamId));
  const [recipient] = await listRecipients(access.teamId, memberId);
  if (!team || !recipient) return null;
  const week = lastCompletedWeek(team, opts.now);
  const data = await loadWeek(access, team, week);
  return { week, recipient, ...renderFor(team, week, data, recipient, opts.origin) };
}

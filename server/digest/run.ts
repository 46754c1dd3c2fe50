// A team's weekly digest: load the week (db/queries/digest.ts), render each reader's email (lib/digest/), then
// record the run and its emails in one transaction.
import { buildWeeklyChannelPost } from "@/db/queries/channel-posts";
import {
  findDigestTeam,
  hasDigestRun,
  listDigestRecipients,
  listDigestTeams,
  loadDigestWeek,
  recordDigestRun,
} from "@/db/queries/digest";
import type { OutgoingEmail } from "@/db/queries/outbox";
import { digestEmails, renderDigestFor, type DigestWeek } from "@/lib/digest/email";
import { dueDigestWeek, lastCompletedWeek } from "@/lib/digest/week";
import { hasRole, systemTeamAccess, type TeamAccess } from "@/lib/team-access";

/** Builds (without storing) one digest email per opted-in member of the team for the week. */
export async function buildTeamDigestEmails(teamId: string, week: DigestWeek, origin: string): Promise<OutgoingEmail[]> {
  const team = await findDigestTeam(teamId);
  if (!team) return [];
  // The scheduler acts for the whole team; the board is the same for every reader (who is "you" is per email).
  const access = systemTeamAccess.digest(team.id);
  const [data, recipients] = await Promise.all([loadDigestWeek(access, team, week), listDigestRecipients(team.id)]);
  return digestEmails(team, week, data, recipients, origin);
}

export type DigestRunResult = { teamId: string; weekStart: string; status: "enqueued" | "already-done" | "dry-run"; recipients: number; emails: OutgoingEmail[] };

/**
 * Produces a team's digest for a week, once (recordDigestRun: the run and every email in one transaction, so
 * of any number of triggers and instances exactly one enqueues).
 */
export async function runTeamDigest(teamId: string, week: DigestWeek, opts: { origin: string; dryRun?: boolean }): Promise<DigestRunResult> {
  const base = { teamId, weekStart: week.start };
  if (!opts.dryRun && (await hasDigestRun(teamId, week.start))) return { ...base, status: "already-done", recipients: 0, emails: [] };
  // Built before the transaction: PGlite has one connection, and the board queries do not run inside it.
  const emails = await buildTeamDigestEmails(teamId, week, opts.origin);
  if (opts.dryRun) return { ...base, status: "dry-run", recipients: emails.length, emails };
  // The team channel's weekly summary (when one is connected) goes out with the same run, exactly once, with
  // the digest's challenge announcements in it.
  const post = await buildWeeklyChannelPost(teamId, week, opts.origin);
  const n = await recordDigestRun(teamId, week.start, emails, post);
  if (n === null) return { ...base, status: "already-done", recipients: 0, emails: [] };
  return { ...base, status: "enqueued", recipients: n, emails };
}

/** Every team whose digest time (its day and hour, in its zone) has passed this week and that has no run yet. */
export async function enqueueDueDigests(now: Date, opts: { origin: string; teamSlug?: string }): Promise<DigestRunResult[]> {
  const results: DigestRunResult[] = [];
  for (const team of await listDigestTeams(opts.teamSlug)) {
    const week = dueDigestWeek(team, now);
    if (!week) continue;
    results.push(await runTeamDigest(team.id, week, { origin: opts.origin }));
  }
  return results;
}

/**
 * A member's digest for the team's last completed week, rendered but not sent, for a manager to preview.
 * Null when that person is not in the team.
 */
export async function previewMemberDigest(access: TeamAccess, memberId: string, opts: { now: Date; origin: string }) {
  if (!hasRole(access.role, "manager")) return null;
  const [team, [recipient]] = await Promise.all([findDigestTeam(access.teamId), listDigestRecipients(access.teamId, memberId)]);
  if (!team || !recipient) return null;
  const week = lastCompletedWeek(team, opts.now);
  const data = await loadDigestWeek(access, team, week);
  return { week, recipient, ...renderDigestFor(team, week, data, recipient, opts.origin) };
}

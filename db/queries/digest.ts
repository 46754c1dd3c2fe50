import { and, asc, eq, sql } from "drizzle-orm";
import { database } from "../client";
import { digestRuns, memberships, teams, users } from "../schema";
import { getDigestChallengeAnnouncements } from "./challenge-announcements";
import { getTeamLeaderboard } from "./leaderboard";
import { enqueueEmails, type OutgoingEmail } from "./outbox";
import { teamFields } from "./teams";
import { addDays } from "@/lib/dates";
import type { DigestRecipient, DigestWeek, DigestWeekData } from "@/lib/digest/email";
import { digestSendDay } from "@/lib/digest/week";
import type { TeamAccess } from "@/lib/team-access";

type ScheduledTeam = { id: string; staleDays: number; weekStart: number; digestDay: number };

/** The team's board at the end of the week and the average a week before: the data every digest draws on. */
export async function loadDigestWeek(access: TeamAccess, team: ScheduledTeam, week: DigestWeek): Promise<DigestWeekData> {
  const [now, before, challenges] = await Promise.all([
    getTeamLeaderboard(access, { asOf: week.end, by: "total", staleDays: team.staleDays }),
    getTeamLeaderboard(access, { asOf: addDays(week.end, -7), by: "total", staleDays: team.staleDays }),
    getDigestChallengeAnnouncements(access, digestSendDay(team, week)),
  ]);
  return { board: now.entries, average: now.average, previousAverage: before.average, challenges };
}

/** The team's members (or one of them) as digest readers, with whether they want the digest. */
export async function listDigestRecipients(teamId: string, userId?: string): Promise<DigestRecipient[]> {
  const db = await database();
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, digestEnabled: users.digestEnabled })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(userId ? and(eq(memberships.teamId, teamId), eq(memberships.userId, userId)) : eq(memberships.teamId, teamId))
    .orderBy(asc(users.id));
}

/** A team with its digest schedule, by id, or null. */
export async function findDigestTeam(teamId: string) {
  const db = await database();
  const [team] = await db.select(teamFields).from(teams).where(eq(teams.id, teamId));
  return team ?? null;
}

/** Every team with its schedule (or the one with this slug). */
export async function listDigestTeams(teamSlug?: string) {
  const db = await database();
  return db.select(teamFields).from(teams).where(teamSlug ? eq(teams.slug, teamSlug) : undefined);
}

/** A team by slug with its schedule (the CLI), or null. */
export async function findTeamForDigest(slug: string) {
  const db = await database();
  const [team] = await db.select(teamFields).from(teams).where(eq(teams.slug, slug));
  return team ?? null;
}

/** Whether the team's digest for the week has been produced. */
export async function hasDigestRun(teamId: string, weekStart: string): Promise<boolean> {
  const db = await database();
  const rows = await db.select({ n: sql<number>`1` }).from(digestRuns).where(and(eq(digestRuns.teamId, teamId), eq(digestRuns.weekStart, weekStart)));
  return rows.length > 0;
}

/**
 * Records a team's digest for a week, once: the digest_runs row (team, week) is inserted with ON CONFLICT DO
 * NOTHING in the same transaction as every recipient's email (and the channel's post), so of any number of
 * triggers and instances exactly one enqueues, and a crash before commit leaves neither the run nor its emails
 * behind. Returns how many emails were enqueued, or null when another run had it already.
 */
export async function recordDigestRun(teamId: string, weekStart: string, emails: OutgoingEmail[], post: OutgoingEmail | null): Promise<number | null> {
  const db = await database();
  return db.transaction(async (tx) => {
    const won = await tx
      .insert(digestRuns)
      .values({ teamId, weekStart, recipients: emails.length })
      .onConflictDoNothing()
      .returning({ teamId: digestRuns.teamId });
    if (won.length === 0) return null;
    const n = await enqueueEmails(tx, emails);
    if (post) await enqueueEmails(tx, [post]);
    return n;
  });
}

import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { database } from "../client";
import { challengeParticipants, challenges, challengeTeams, memberships, teams, users } from "../schema";
import { writeAudit } from "./audit";
import { enqueueChallengeCreatedPosts } from "./channel-posts";
import type { ChallengeInput, ChallengeEdit } from "@/lib/validation/challenge";
import type { ChallengeKind, ChallengeMetric } from "@/lib/challenges/rules";
import { hasRole, type TeamAccess } from "@/lib/team-access";

/** A challenge as pages and the standings query need it. */
export type ChallengeRow = {
  id: string;
  hostTeamId: string;
  name: string;
  kind: ChallengeKind;
  metric: ChallengeMetric;
  target: number | null;
  startsOn: string;
  endsOn: string;
  allMembers: boolean;
  revision: number;
  /** When the result was made final (kept in challenge_finals); null before. */
  finalAt: Date | null;
  /** Every team taking part (the host first), with the data version its cached standings are keyed by. */
  teams: { id: string; name: string; slug: string; dataVersion: number; timeZone: string; staleDays: number }[];
  participantIds: string[];
};

const columns = {
  id: challenges.id,
  hostTeamId: challenges.teamId,
  name: challenges.name,
  kind: challenges.kind,
  metric: challenges.metric,
  target: challenges.target,
  startsOn: challenges.startsOn,
  endsOn: challenges.endsOn,
  allMembers: challenges.allMembers,
  revision: challenges.revision,
  finalAt: challenges.finalAt,
};

async function withTeams(rows: Omit<ChallengeRow, "teams" | "participantIds">[]): Promise<ChallengeRow[]> {
  if (rows.length === 0) return [];
  const db = await database();
  const ids = rows.map((r) => r.id);
  const [links, chosen] = await Promise.all([
    db
      .select({
        challengeId: challengeTeams.challengeId,
        id: teams.id,
        name: teams.name,
        slug: teams.slug,
        dataVersion: teams.dataVersion,
        timeZone: teams.timeZone,
        staleDays: teams.staleDays,
      })
      .from(challengeTeams)
      .innerJoin(teams, eq(teams.id, challengeTeams.teamId))
      .where(inArray(challengeTeams.challengeId, ids))
      .orderBy(sql`lower(${teams.name})`, asc(teams.id)),
    db.select().from(challengeParticipants).where(inArray(challengeParticipants.challengeId, ids)),
  ]);
  return rows.map((r) => ({
    ...r,
    teams: links
      .filter((l) => l.challengeId === r.id)
      .map(({ challengeId: _, ...team }) => team)
      .sort((a, b) => (a.id === r.hostTeamId ? -1 : b.id === r.hostTeamId ? 1 : 0)),
    participantIds: chosen.filter((p) => p.challengeId === r.id).map((p) => p.userId),
  }));
}

/** The challenges the team takes part in (hosted or invited to), newest end date first. */
export async function listTeamChallenges(access: TeamAccess): Promise<ChallengeRow[]> {
  const db = await database();
  const rows = await db
    .select(columns)
    .from(challenges)
    .innerJoin(challengeTeams, eq(challengeTeams.challengeId, challenges.id))
    .where(eq(challengeTeams.teamId, access.teamId))
    .orderBy(desc(challenges.endsOn), asc(challenges.name), asc(challenges.id))
    // Prepared (parsed and planned once per connection): every view of a board makes this read, cached or not.
    .prepare("team_challenges")
    .execute();
  return withTeams(rows as Omit<ChallengeRow, "teams" | "participantIds">[]);
}

/** One challenge the team takes part in, or null (also for a challenge of another team). */
export async function getTeamChallenge(access: TeamAccess, id: string): Promise<ChallengeRow | null> {
  const db = await database();
  const rows = await db
    .select(columns)
    .from(challenges)
    .innerJoin(challengeTeams, eq(challengeTeams.challengeId, challenges.id))
    .where(and(eq(challengeTeams.teamId, access.teamId), eq(challenges.id, id)))
    .limit(1);
  const [row] = await withTeams(rows as Omit<ChallengeRow, "teams" | "participantIds">[]);
  return row ?? null;
}

/** The host team's members (id and display name), for choosing participants. */
export async function listChallengeCandidates(access: TeamAccess) {
  const db = await database();
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.teamId, access.teamId))
    .orderBy(sql`lower(coalesce(${users.name}, ${users.email}))`, asc(users.id));
  return rows.map((r) => ({ id: r.id, name: r.name?.trim() || r.email }));
}

/** Creates a challenge hosted by the manager's team; the caller checked that they manage every team in `teamIds`. */
/**
 * Creates a challenge; with `announce`, its start is posted (through the outbox, in the same transaction) to
 * the channel of every team taking part that wants highlights.
 */
export async function createChallenge(
  access: TeamAccess,
  input: Omit<ChallengeInput, "teamSlugs"> & { teamIds: string[] },
  announce?: { text: string; origin: string },
): Promise<string> {
  if (!hasRole(access.role, "manager")) throw new Error("createChallenge: managers only");
  const db = await database();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(challenges)
      .values({
        teamId: access.teamId,
        name: input.name,
        kind: input.kind,
        metric: input.metric,
        target: input.kind === "race" ? input.target! : null,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        allMembers: input.participants === "all",
        createdBy: access.userId,
      })
      .returning({ id: challenges.id });
    const id = row!.id;
    const teamIds = [access.teamId, ...input.teamIds];
    await tx.insert(challengeTeams).values(teamIds.map((teamId) => ({ challengeId: id, teamId })));
    if (input.participants === "chosen" && input.participantIds.length) {
      await tx.insert(challengeParticipants).values(input.participantIds.map((userId) => ({ challengeId: id, userId })));
    }
    await writeAudit(tx, { teamId: access.teamId, actorId: access.userId, action: "challenge.create", details: { id, kind: input.kind, name: input.name } });
    if (announce) await enqueueChallengeCreatedPosts(tx, teamIds, { id, text: announce.text }, announce.origin);
    return id;
  });
}

/** Changes a hosted challenge's name and dates (the action decides which may change); false when not the host. */
export async function updateChallenge(access: TeamAccess, id: string, edit: ChallengeEdit): Promise<boolean> {
  if (!hasRole(access.role, "manager")) return false;
  const db = await database();
  return db.transaction(async (tx) => {
    const done = await tx
      .update(challenges)
      .set({ name: edit.name, startsOn: edit.startsOn, endsOn: edit.endsOn, revision: sql`${challenges.revision} + 1` })
      .where(and(eq(challenges.id, id), eq(challenges.teamId, access.teamId)))
      .returning({ id: challenges.id });
    if (done.length === 0) return false;
    await writeAudit(tx, { teamId: access.teamId, actorId: access.userId, action: "challenge.update", details: { id, ...edit } });
    return true;
  });
}

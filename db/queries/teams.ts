import { and, asc, count, eq, like, or, sql } from "drizzle-orm";
import { database, type Db, type Tx } from "../client";
import { memberships, snapshots, teams, users, type Role } from "../schema";
import { writeAudit } from "./audit";
import { publicUser, type PublicUser } from "./users";
import { SLUG_MAX, slugify } from "@/lib/slug";
import { hasRole, type TeamAccess } from "@/lib/team-access";
import type { TeamInput } from "@/lib/validation/team";

export type Result<T = void> = ({ ok: true } & (T extends void ? unknown : { value: T })) | { ok: false; error: string };

/** The team settings every team-scoped page and job needs (never the TV token hash). */
export const teamFields = {
  id: teams.id,
  name: teams.name,
  slug: teams.slug,
  timeZone: teams.timeZone,
  weekStart: teams.weekStart,
  staleDays: teams.staleDays,
  digestDay: teams.digestDay,
  digestHour: teams.digestHour,
  dataVersion: teams.dataVersion,
};
export type TeamSettings = Omit<typeof teams.$inferSelect, "createdAt">;

/** A person's membership in the team with this slug, with the team's settings; null when not a member. */
export async function findMembershipBySlug(slug: string, userId: string) {
  // Anything that slugify() cannot produce names no team; a NUL in it would even make PostgreSQL refuse the query.
  if (slug.length > SLUG_MAX + 12 || !/^[a-z0-9-]+$/.test(slug)) return null;
  const db = await database();
  const [row] = await db
    .select({ role: memberships.role, team: teamFields })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(and(eq(teams.slug, slug), eq(memberships.userId, userId)))
    .limit(1);
  return row ?? null;
}

/**
 * A signed-in person and every team they are in (role and the team's settings, alphabetically), in one query:
 * every page needs the person, the header lists the teams, and a team page needs its membership. Null when no
 * such person. Counts nobody (the team list with member counts is listTeamsForUser).
 */
export async function getPersonWithTeams(userId: string) {
  const db = await database();
  const rows = await db
    .select({ user: publicUser, role: memberships.role, team: teamFields })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(teams, eq(teams.id, memberships.teamId))
    .where(eq(users.id, userId))
    .orderBy(sql`lower(${teams.name})`, asc(teams.id))
    // Prepared (parsed and planned once per connection): every signed-in request makes this read.
    .prepare("person_with_teams")
    .execute();
  if (rows.length === 0) return null;
  const user: PublicUser = rows[0]!.user;
  return {
    user,
    memberships: rows.flatMap((r) => (r.role && r.team ? [{ role: r.role, team: r.team }] : [])),
  };
}

/** The teams a person is in, alphabetically, with their role and the member count. */
export async function listTeamsForUser(userId: string) {
  const db = await database();
  // Counted per team of this person (an index-only scan of each team's key range): grouping every membership of
  // the organisation first costs what the organisation's size costs (docs/PERFORMANCE.md).
  const memberCount = sql<number>`(select count(*) from ${memberships} m2 where m2.team_id = ${teams.id})`.mapWith(Number);
  return db
    .select({ slug: teams.slug, name: teams.name, role: memberships.role, memberCount })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(eq(memberships.userId, userId))
    .orderBy(sql`lower(${teams.name})`, asc(teams.id));
}

/** Picks the slug for a new team: the name's slug, or with -2, -3… when taken. */
async function freeSlug(name: string): Promise<string> {
  const db = await database();
  const base = slugify(name);
  const taken = new Set(
    (await db.select({ slug: teams.slug }).from(teams).where(or(eq(teams.slug, base), like(teams.slug, `${base}-%`)))).map(
      (r) => r.slug,
    ),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Creates a team with its creator as owner (audited); retries the slug if another team took it meanwhile. */
export async function createTeam(ownerId: string, input: TeamInput): Promise<{ slug: string; id: string }> {
  const db = await database();
  for (let attempt = 0; ; attempt++) {
    const slug = await freeSlug(input.name);
    try {
      return await db.transaction(async (tx) => {
        const [team] = await tx.insert(teams).values({ ...input, slug }).returning({ id: teams.id, slug: teams.slug });
        await tx.insert(memberships).values({ teamId: team!.id, userId: ownerId, role: "owner" });
        await writeAudit(tx, { teamId: team!.id, actorId: ownerId, action: "team.create", details: { name: input.name } });
        return team!;
      });
    } catch (err) {
      if (attempt < 3 && String((err as { code?: string }).code ?? (err as Error).message).match(/23505|unique/)) continue;
      throw err;
    }
  }
}

/** Changes a team's name and settings (the slug stays, so links keep working). */
export async function updateTeamSettings(access: TeamAccess, input: TeamInput) {
  const db = await database();
  await db.transaction(async (tx) => {
    await tx.update(teams).set(input).where(eq(teams.id, access.teamId));
    await writeAudit(tx, { teamId: access.teamId, actorId: access.userId, action: "team.update", details: { ...input } });
  });
}

/** Deletes the team with its memberships, invitations and audit log; snapshots stay with their people. */
export async function deleteTeam(access: TeamAccess): Promise<Result> {
  if (access.role !== "owner") return { ok: false, error: "Only an owner can delete the team." };
  const db = await database();
  await db.transaction(async (tx) => {
    const [team] = await tx.delete(teams).where(eq(teams.id, access.teamId)).returning({ name: teams.name, slug: teams.slug });
    // The team's own log goes with it; this entry, kept without a team, records who deleted what.
    await writeAudit(tx, { teamId: null, actorId: access.userId, action: "team.delete", details: { teamId: access.teamId, ...team } });
  });
  return { ok: true };
}

/** The team's members with role and date of their latest snapshot; owners first, then managers, by name. */
export async function listMembers(access: TeamAccess) {
  const db = await database();
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.joinedAt,
      // One index lookup per member: joining every snapshot and grouping reads the team's whole history
      // (docs/PERFORMANCE.md).
      lastMeasuredOn: sql<string | null>`(select max(s.measured_on) from ${snapshots} s where s.user_id = ${memberships.userId})`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.teamId, access.teamId))
    // lower(): PGlite's default collation is C (uppercase first); sort the same way on both databases.
    .orderBy(sql`case ${memberships.role} when 'owner' then 0 when 'manager' then 1 else 2 end`, sql`lower(coalesce(${users.name}, ${users.email}))`, asc(users.id));
}

async function roleOf(db: Db | Tx, teamId: string, userId: string): Promise<Role | null> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId)));
  return row?.role ?? null;
}

/** Serialises membership changes of one team, so two concurrent demotions cannot remove the last owner. */
async function lockTeam(tx: Tx, teamId: string) {
  await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId)).for("update");
}

async function ownerCount(tx: Tx, teamId: string) {
  const [row] = await tx
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.teamId, teamId), eq(memberships.role, "owner")));
  return Number(row?.n ?? 0);
}

/**
 * Changes a member's role. Managers may switch people between member and manager; only owners touch owners.
 * A team always keeps at least one owner.
 */
export async function changeRole(access: TeamAccess, userId: string, role: Role): Promise<Result> {
  if (!hasRole(access.role, "manager")) return { ok: false, error: "Only managers and owners can change roles." };
  const db = await database();
  return db.transaction(async (tx): Promise<Result> => {
    await lockTeam(tx, access.teamId);
    const current = await roleOf(tx, access.teamId, userId);
    if (!current) return { ok: false, error: "That person is not a member of this team." };
    if (access.role !== "owner" && (current === "owner" || role === "owner")) {
      return { ok: false, error: "Only an owner can change an owner's role or make someone an owner." };
    }
    if (current === role) return { ok: true };
    if (current === "owner" && (await ownerCount(tx, access.teamId)) <= 1) {
      return { ok: false, error: "A team needs at least one owner: make someone else owner first." };
    }
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.teamId, access.teamId), eq(memberships.userId, userId)));
    await writeAudit(tx, { teamId: access.teamId, actorId: access.userId, subjectId: userId, action: "member.role", details: { from: current, to: role } });
    return { ok: true };
  });
}

/** Removes someone from the team (their snapshots stay theirs). Managers remove members and managers; owners anyone but the last owner. */
export async function removeMember(access: TeamAccess, userId: string): Promise<Result> {
  if (!hasRole(access.role, "manager")) return { ok: false, error: "Only managers and owners can remove members." };
  if (userId === access.userId) return { ok: false, error: "To remove yourself, use “Leave team”." };
  const db = await database();
  return db.transaction(async (tx): Promise<Result> => {
    await lockTeam(tx, access.teamId);
    const current = await roleOf(tx, access.teamId, userId);
    if (!current) return { ok: false, error: "That person is not a member of this team." };
    if (current === "owner" && access.role !== "owner") return { ok: false, error: "Only an owner can remove an owner." };
    await tx.delete(memberships).where(and(eq(memberships.teamId, access.teamId), eq(memberships.userId, userId)));
    await writeAudit(tx, { teamId: access.teamId, actorId: access.userId, subjectId: userId, action: "member.remove", details: { role: current } });
    return { ok: true };
  });
}

/** Leaves the team; the last owner must transfer ownership or delete the team instead. */
export async function leaveTeam(access: TeamAccess): Promise<Result> {
  const db = await database();
  return db.transaction(async (tx): Promise<Result> => {
    await lockTeam(tx, access.teamId);
    const role = await roleOf(tx, access.teamId, access.userId);
    if (!role) return { ok: false, error: "You are not a member of this team." };
    if (role === "owner" && (await ownerCount(tx, access.teamId)) <= 1) {
      return { ok: false, error: "You are the only owner. Transfer ownership to someone else or delete the team first." };
    }
    await tx.delete(memberships).where(and(eq(memberships.teamId, access.teamId), eq(memberships.userId, access.userId)));
    await writeAudit(tx, { teamId: access.teamId, actorId: access.userId, subjectId: access.userId, action: "member.leave" });
    return { ok: true };
  });
}

/** Makes another member the owner; the current owner stays on as a manager. */
export async function transferOwnership(access: TeamAccess, toUserId: string): Promise<Result> {
  if (access.role !== "owner") return { ok: false, error: "Only an owner can transfer ownership." };
  if (toUserId === access.userId) return { ok: false, error: "You already own this team." };
  const db = await database();
  return db.transaction(async (tx): Promise<Result> => {
    await lockTeam(tx, access.teamId);
    if (!(await roleOf(tx, access.teamId, toUserId))) return { ok: false, error: "That person is not a member of this team." };
    await tx.update(memberships).set({ role: "owner" }).where(and(eq(memberships.teamId, access.teamId), eq(memberships.userId, toUserId)));
    await tx.update(memberships).set({ role: "manager" }).where(and(eq(memberships.teamId, access.teamId), eq(memberships.userId, access.userId)));
    await writeAudit(tx, { teamId: access.teamId, actorId: access.userId, subjectId: toUserId, action: "team.transfer" });
    return { ok: true };
  });
}

/** One member of the team (name, email, role), or null when the person is not in it. */
export async function getMember(access: TeamAccess, userId: string) {
  const db = await database();
  const [row] = await db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.teamId, access.teamId), eq(memberships.userId, userId)));
  return row ?? null;
}

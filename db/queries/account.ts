import { and, asc, count, eq, sql } from "drizzle-orm";
import { database, type Db, type Tx } from "../client";
import { apiTokens, goals, memberships, outbox, snapshots, teams, users } from "../schema";
import { requestEmailProof } from "./email-proofs";
import { ssiColumns } from "./snapshot-fields";
import { normalizeEmail } from "./users";

/** The signed-in person's own settings (never another person's). */
export async function getAccount(userId: string) {
  const db = await database();
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      timeZone: users.timeZone,
      hideComponents: users.hideComponents,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      emailVerified: users.emailVerified,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}
export type Account = NonNullable<Awaited<ReturnType<typeof getAccount>>>;

/**
 * Saves name and time zone. A new email address does not take effect here: a link is sent to it
 * (requestEmailProof) and the address becomes the account's when that link is used. Refuses an address another
 * account already uses (the name and time zone are still saved).
 */
export async function updateProfile(
  userId: string,
  input: { name: string; email: string; timeZone: string | null },
  opts: { origin: string },
): Promise<{ ok: true; pendingEmail: string | null } | { ok: false; field: "email"; error: string }> {
  const db = await database();
  const email = normalizeEmail(input.email);
  const [before] = await db
    .update(users)
    .set({ name: input.name, timeZone: input.timeZone })
    .where(eq(users.id, userId))
    .returning({ email: users.email });
  if (!before || before.email === email) return { ok: true, pendingEmail: null };
  const proof = await requestEmailProof(userId, email, opts);
  if (!proof.ok) return { ok: false, field: "email", error: "Another account already uses this email address." };
  return { ok: true, pendingEmail: proof.email };
}

/** The stored password hash (null for accounts that sign in only by link or LinkedIn). */
export async function getPasswordHash(userId: string): Promise<string | null> {
  const db = await database();
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.hash ?? null;
}

/** Sets a new password and bumps the session version, which signs out every other session. */
export async function changePassword(userId: string, passwordHash: string): Promise<number> {
  const db = await database();
  const [row] = await db
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  return row?.sessionVersion ?? 0;
}

/** Privacy: show teammates only the total (true) or the four components too (false). */
export async function setHideComponents(userId: string, hide: boolean) {
  const db = await database();
  await db.update(users).set({ hideComponents: hide }).where(eq(users.id, userId));
}

/** Teams where this person is the only owner: they must transfer ownership or delete them before leaving. */
export async function listSoleOwnedTeams(userId: string) {
  return soleOwnedTeams(await database(), userId);
}

function soleOwnedTeams(db: Db | Tx, userId: string) {
  const owners = db
    .select({ teamId: memberships.teamId, n: count().as("n") })
    .from(memberships)
    .where(eq(memberships.role, "owner"))
    .groupBy(memberships.teamId)
    .as("owners");
  return db
    .select({ slug: teams.slug, name: teams.name })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .innerJoin(owners, eq(owners.teamId, memberships.teamId))
    .where(and(eq(memberships.userId, userId), eq(memberships.role, "owner"), eq(owners.n, 1)))
    .orderBy(sql`lower(${teams.name})`, asc(teams.id));
}

/**
 * Deletes the account with its snapshots, memberships, goal and tokens (by cascade). Refused, changing nothing,
 * while the person is the only owner of a team.
 */
export async function deleteAccount(userId: string): Promise<{ ok: true } | { ok: false; soleOwnerOf: { slug: string; name: string }[] }> {
  const db = await database();
  return db.transaction(async (tx) => {
    // Lock the person's teams so a concurrent demotion of the other owner cannot leave a team without one.
    await tx.execute(sql`select 1 from teams where id in (select team_id from memberships where user_id = ${userId}) order by id for update`);
    const sole = await soleOwnedTeams(tx, userId);
    if (sole.length > 0) return { ok: false as const, soleOwnerOf: sole };
    // Their mail goes with them: the outbox would otherwise keep it under the address (user_id set null),
    // where whoever signs up with that address next would find it.
    await tx.delete(outbox).where(eq(outbox.userId, userId));
    await tx.delete(users).where(eq(users.id, userId));
    return { ok: true as const };
  });
}

/** Everything stored about a person, for "download my data" (no password hash, no token hashes). */
export async function exportUserData(userId: string) {
  const db = await database();
  const [profile] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      timeZone: users.timeZone,
      hideComponents: users.hideComponents,
      digestEnabled: users.digestEnabled,
      remindersEnabled: users.remindersEnabled,
      teamRemindersEnabled: users.teamRemindersEnabled,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  const teamRows = await db
    .select({ team: teams.name, slug: teams.slug, role: memberships.role, joinedAt: memberships.joinedAt })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(teams.name));
  const snapshotRows = await db
    .select({
      ...ssiColumns,
      source: snapshots.source,
      createdAt: snapshots.createdAt,
      updatedAt: snapshots.updatedAt,
    })
    .from(snapshots)
    .where(eq(snapshots.userId, userId))
    .orderBy(asc(snapshots.measuredOn));
  const [goal] = await db
    .select({
      targetTotal: goals.targetTotal,
      targetBrand: goals.targetBrand,
      targetPeople: goals.targetPeople,
      targetInsights: goals.targetInsights,
      targetRelationships: goals.targetRelationships,
      targetDate: goals.targetDate,
      createdAt: goals.createdAt,
    })
    .from(goals)
    .where(eq(goals.userId, userId));
  const tokens = await db
    .select({ name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(asc(apiTokens.createdAt));
  return { exportedAt: new Date().toISOString(), profile: profile ?? null, teams: teamRows, snapshots: snapshotRows, goal: goal ?? null, apiTokens: tokens };
}

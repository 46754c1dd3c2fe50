// Test data builders for integration tests. Each goes through the app's own query functions (or, for
// memberships, a plain insert), so tests start from the same rows the app would have written.
import { database } from "../client";
import { memberships, type Role } from "../schema";
import { createTeam } from "../queries/teams";
import { upsertSnapshot } from "../queries/snapshots";
import { createUserWithPassword, type PublicUser } from "../queries/users";
import { grantTeamAccess, type TeamAccess } from "@/lib/team-access";
import { teamInput } from "@/lib/validation/team";
import { snapshotInputSchema, type SnapshotInput } from "@/lib/validation/snapshot";
import type { ComponentValues } from "@/lib/ssi";

let seq = 0;
const runId = Math.random().toString(36).slice(2, 8);
const next = () => `${runId}-${++seq}`;

/**
 * A password account with a unique email (`name` and `email` can be given). Its address is proved unless
 * `proved: false` (an account whose owner never opened the confirmation link).
 */
export async function makeUser(overrides: { name?: string; email?: string; proved?: boolean; passwordHash?: string } = {}): Promise<PublicUser> {
  const n = next();
  const user = await createUserWithPassword({
    name: overrides.name ?? `User ${n}`,
    email: overrides.email ?? `user-${n}@example.test`,
    passwordHash: overrides.passwordHash ?? "x",
    proved: overrides.proved ?? true,
  });
  if (!user) throw new Error(`makeUser: email already taken: ${overrides.email}`);
  return user;
}

export type TeamOverrides = {
  name?: string;
  timeZone?: string;
  weekStart?: number;
  staleDays?: number;
  digestDay?: number;
  digestHour?: number;
};

/** A team created by `ownerId` (who becomes owner), with settings parsed through the real team form schema. */
export async function makeTeam(ownerId: string, overrides: TeamOverrides = {}) {
  const input = teamInput.parse({ name: `Team ${next()}`, timeZone: "UTC", ...overrides });
  const team = await createTeam(ownerId, input);
  return { ...team, name: input.name, settings: input, owner: grantTeamAccess(team.id, ownerId, "owner") };
}

/** Puts a person into a team with a role; returns their access to it. */
export async function addMember(teamId: string, userId: string, role: Role = "member"): Promise<TeamAccess> {
  const db = await database();
  await db.insert(memberships).values({ teamId, userId, role });
  return grantTeamAccess(teamId, userId, role);
}

/** A snapshot input parsed through the real validation schema; a number is split evenly over the components. */
export function snapshotInput(
  measuredOn: string,
  scores: number | (Partial<ComponentValues> & { total?: number }),
  extra: Record<string, unknown> = {},
): SnapshotInput {
  let raw: Record<string, unknown>;
  if (typeof scores === "number") {
    const quarter = Math.floor((scores / 4) * 1000) / 1000;
    const last = Math.round((scores - 3 * quarter) * 1000) / 1000;
    raw = { brand: quarter, people: quarter, insights: quarter, relationships: last };
  } else {
    raw = { brand: 10, people: 10, insights: 10, relationships: 10, ...scores };
  }
  // "Today" is the snapshot's own date, so any past date is accepted.
  return snapshotInputSchema(measuredOn).parse({ measuredOn, ...raw, ...extra });
}

/** Records a person's snapshot through upsertSnapshot; by themselves unless `opts.actorId` says otherwise. */
export async function makeSnapshot(
  userId: string,
  measuredOn: string,
  scores: number | (Partial<ComponentValues> & { total?: number }),
  opts: { actorId?: string; teamId?: string | null } = {},
) {
  const input = snapshotInput(measuredOn, scores);
  const result = await upsertSnapshot(userId, input, { actorId: opts.actorId ?? userId, teamId: opts.teamId ?? null });
  return { ...input, ...result };
}

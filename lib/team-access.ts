import type { Role } from "@/db/schema";

declare const granted: unique symbol;

/**
 * Proof that the signed-in person belongs to a team, with the role read from the database. Team-scoped query
 * functions take one, so they cannot be called for a team the caller has not been checked against.
 * Only lib/authz.ts (and tests) create it.
 */
export type TeamAccess = {
  readonly teamId: string;
  readonly userId: string;
  readonly role: Role;
  readonly [granted]: true;
};

const RANK: Record<Role, number> = { member: 0, manager: 1, owner: 2 };

/** True when `role` is at least `min` (owner ≥ manager ≥ member). */
export const hasRole = (role: Role, min: Role) => RANK[role] >= RANK[min];

export function grantTeamAccess(teamId: string, userId: string, role: Role): TeamAccess {
  return { teamId, userId, role } as TeamAccess;
}

import type { Role } from "@/db/schema";

declare const granted: unique symbol;

/**
 * Proof that the signed-in person belongs to a team, with the role read from the database. Team-scoped query
 * functions take one, so they cannot be called for a team the caller has not been checked against.
 * Created only here: by lib/authz.ts for the signed-in person and server/api.ts for a token's owner (both after
 * reading the membership), by systemTeamAccess for the app's own jobs, and by the test factories.
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

/** The app's own callers, which act for a whole team with no person behind them (the user id names the caller). */
export const systemTeamAccess = {
  /** The weekly digest: the board as the team's owner sees it (who is "you" is per email). */
  digest: (teamId: string) => grantTeamAccess(teamId, "digest-scheduler", "owner"),
  /** The team channel's posts. */
  channelPoster: (teamId: string) => grantTeamAccess(teamId, "channel-poster", "owner"),
  /** The secret read-only TV link: what any member sees. */
  tvLink: (teamId: string) => grantTeamAccess(teamId, "tv-link", "member"),
};

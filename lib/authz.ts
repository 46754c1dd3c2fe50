import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { readSession } from "@/lib/auth/session-token";
import { getUserById, type PublicUser } from "@/db/queries/users";
import { findMembershipBySlug, listTeamsForUser } from "@/db/queries/teams";
import type { Role } from "@/db/schema";
import { grantTeamAccess, hasRole } from "@/lib/team-access";

/** The signed-in person, read from the database once per request; null when signed out or deleted. */
export const currentUser = cache(async (): Promise<PublicUser | null> => {
  const session = await readSession();
  if (!session) return null;
  const user = await getUserById(session.sub);
  // A password change bumps the version: tokens issued before it no longer count as signed in.
  if (!user || session.sv !== user.sessionVersion) return null;
  return user;
});

/** The signed-in person, or a redirect to sign-in (coming back here afterwards when a path is given). */
export async function requireUser(returnTo?: string): Promise<PublicUser> {
  const user = await currentUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}

// Read once per request: the team layout asks for any role, a manager page for "manager", with the same slug.
const membershipBySlug = cache((slug: string, userId: string) => findMembershipBySlug(slug, userId));

/** A person's teams with their roles, read once per request (the header's team switcher and pages share it). */
export const listMyTeams = cache((userId: string) => listTeamsForUser(userId));

/**
 * The signed-in person's membership in the team with this slug, with the team's settings; a 404 when they are
 * not a member or their role is below `min`, so team slugs don't leak. Roles come from the database.
 */
export const requireTeamRole = cache(async (slug: string, min: Role = "member") => {
  const user = await requireUser(`/t/${slug}`);
  const membership = await membershipBySlug(slug, user.id);
  if (!membership || !hasRole(membership.role, min)) notFound();
  return {
    access: grantTeamAccess(membership.team.id, user.id, membership.role),
    team: membership.team,
    user,
    role: membership.role,
  };
});

/** What requireTeamRole grants: the access value, the team's settings, the person and their role. */
export type TeamRoleGrant = Awaited<ReturnType<typeof requireTeamRole>>;

import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { readSession, type SessionClaims } from "@/lib/auth/session-token";
import type { PublicUser } from "@/db/queries/users";
import { findActiveSession } from "@/db/queries/sessions";
import { getPersonWithTeams } from "@/db/queries/teams";
import type { Role } from "@/db/schema";
import { grantTeamAccess, hasRole } from "@/lib/team-access";
import { noteRequestUser } from "@/server/runtime.mjs";

/**
 * The person a session token's claims stand for, with every team they are in (role and settings), read from the
 * database in one query; null when the token has no session record (one predating them cannot be ended by signing
 * out), the record was ended (signed out, also for a copy of the cookie), the person was deleted, or the token
 * predates a password change (the session version). Pages reach it through `signedIn`; the rendered-page cache
 * (server/page-cache-key.ts) calls it too, so a cached page is served only where the page itself would render.
 */
export async function personForSession(session: SessionClaims | null) {
  if (!session?.sid) return null;
  const [person, expires] = await Promise.all([getPersonWithTeams(session.sub), findActiveSession(session.sid, session.sub)]);
  if (!person || !expires || session.sv !== person.user.sessionVersion) return null;
  return { ...person, session: { id: session.sid, expires } };
}

/** The signed-in person with their teams, once per request; null when signed out (see personForSession). */
const signedIn = cache(async () => {
  const person = await personForSession(await readSession());
  if (person) noteRequestUser(person.user.id); // for the request's log line
  return person;
});

/** A signed-in person as personForSession reads them. */
export type SignedInPerson = NonNullable<Awaited<ReturnType<typeof personForSession>>>;

/** The person's membership in the team with this slug when their role is at least `min`; undefined otherwise. */
export function membershipOf(person: SignedInPerson | null, slug: string, min: Role = "member") {
  const membership = person?.memberships.find((m) => m.team.slug === slug);
  return membership && hasRole(membership.role, min) ? membership : undefined;
}

/** The signed-in session as GET /api/auth/session reports it (the person and when it ends), or null. */
export async function describeSession() {
  const s = await signedIn();
  return s ? { user: { id: s.user.id, name: s.user.name, email: s.user.email }, expires: s.session.expires.toISOString() } : null;
}

/** The id of the signed-in session's record, for sign-out; null when not signed in. */
export async function currentSessionId(): Promise<string | null> {
  return (await readSession())?.sid ?? null;
}

/** The signed-in person, read from the database once per request; null when signed out or deleted. */
export const currentUser = cache(async (): Promise<PublicUser | null> => (await signedIn())?.user ?? null);

/** The signed-in person, or a redirect to sign-in (coming back here afterwards when a path is given). */
export async function requireUser(returnTo?: string): Promise<PublicUser> {
  const user = await currentUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}

/**
 * The signed-in person's teams with their roles, alphabetically (the header's team switcher and pages share it);
 * none when signed out.
 */
export const listMyTeams = cache(async () =>
  ((await signedIn())?.memberships ?? []).map((m) => ({ slug: m.team.slug, name: m.team.name, role: m.role })),
);

/**
 * The signed-in person's membership in the team with this slug, with the team's settings; a 404 when they are
 * not a member or their role is below `min`, so team slugs don't leak. Roles come from the database.
 */
export const requireTeamRole = cache(async (slug: string, min: Role = "member") => {
  const user = await requireUser(`/t/${slug}`);
  // From the same read as the person: a team page costs no query of its own to authorize.
  const membership = membershipOf(await signedIn(), slug, min);
  if (!membership) notFound();
  return {
    access: grantTeamAccess(membership.team.id, user.id, membership.role),
    team: membership.team,
    user,
    role: membership.role,
  };
});

/** What requireTeamRole grants: the access value, the team's settings, the person and their role. */
export type TeamRoleGrant = Awaited<ReturnType<typeof requireTeamRole>>;

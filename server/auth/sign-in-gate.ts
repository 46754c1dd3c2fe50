import type { Account, Profile, User } from "next-auth";
import { cookies } from "next/headers";
import { checkSignUp } from "@/db/queries/signup";
import { findLinkedUser } from "@/db/queries/sign-in-methods";
import { getUserCredentials, normalizeEmail } from "@/db/queries/users";
import { providerVerifiedEmail, type SsoProviderId } from "@/lib/auth/providers";
import { readSession } from "@/lib/auth/session-token";
import { policyFromEnv } from "@/lib/auth/signup-policy";
import { currentUser } from "@/lib/authz";
import { env } from "@/lib/env";

/** Holds the invitation token while someone signs up through a provider or a sign-in link (set by the sign-up buttons). */
export const INVITATION_COOKIE = "ssi-invitation";

/** Remembers the invitation of an /invite/<token> callback for the sign-in that follows (15 minutes, this site only). */
export async function rememberInvitation(callbackPath: string): Promise<void> {
  const token = /^\/invite\/([A-Za-z0-9_-]{16,128})$/.exec(callbackPath)?.[1];
  if (!token) return;
  (await cookies()).set(INVITATION_COOKIE, token, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 15 * 60, secure: env().AUTH_URL?.startsWith("https:") ?? false });
}

/** Expires the session cookie (both names Auth.js may use, and the chunks of a split one). */
async function dropSessionCookie() {
  const jar = await cookies();
  for (const c of jar.getAll()) {
    if (/^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(c.name)) {
      jar.set(c.name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: c.name.startsWith("__Secure-") });
    }
  }
}

const refused = (reason: string) => `/sign-up?refused=${reason}`;

/**
 * Auth.js's signIn callback for every sign-in that is not a password (which checks itself, and whose sign-up is
 * app/(auth)/actions.ts): decides whether a provider's account may join an existing account, and whether a new
 * account may be created under the sign-up policy. Returns true, or the path to send the person to instead.
 *
 * - Already linked: signs in (existing accounts keep working whatever the sign-up policy says).
 * - Signed in (a live session, checked against its server-side record): Auth.js links the provider to that
 *   account, unless the provider's account belongs to someone else. A signed-out copy of a cookie links nothing.
 * - An account with the address exists: joined only when the provider asserts the address as verified AND the
 *   account's own address is proved; otherwise the person is told to link it from /account.
 * - Otherwise a new account: the sign-up policy decides.
 */
export async function gateSignIn(params: { user: User; account?: Account | null; profile?: Profile; email?: { verificationRequest?: boolean } }): Promise<boolean | string> {
  const { user, account, profile } = params;
  if (!account || account.type === "credentials") return true;
  const policy = policyFromEnv(env());
  const invitationToken = (await cookies()).get(INVITATION_COOKIE)?.value ?? null;

  if (account.type === "email") {
    // A sign-in link proves the address: an existing account signs in (lib/auth/adapter.ts takes an unproved one over).
    const address = normalizeEmail(user.email ?? "");
    if (await getUserCredentials(address)) return true;
    const decision = await checkSignUp(policy, { email: address, emailProved: true, invitationToken });
    return decision.ok ? true : refused(decision.reason);
  }

  const linkedTo = await findLinkedUser(account.provider, account.providerAccountId);
  if (await readSession()) {
    const me = await currentUser();
    if (!me) {
      // A signed-out (or otherwise ended) session's cookie: Auth.js would link the provider to the account it
      // names. Nothing is linked; the cookie goes, so that the next try is a plain sign-in.
      await dropSessionCookie();
      return "/sign-in?error=SessionEnded";
    }
    if (linkedTo && linkedTo !== me.id) return "/account?link=taken#sign-in-methods";
    return true;
  }
  if (linkedTo) return true;

  const claims = (profile ?? {}) as Record<string, unknown>;
  const address = typeof claims.email === "string" ? normalizeEmail(claims.email) : "";
  if (!address) return "/sign-in?error=NoEmail";
  const proved = providerVerifiedEmail(account.provider as SsoProviderId, claims);
  const existing = await getUserCredentials(address);
  if (existing) {
    // LinkedIn is never linked by address (Auth.js would refuse it too): it is linked from /account.
    if (proved && existing.emailVerified && account.provider !== "linkedin") return true;
    return `/sign-in?error=AccountExists&provider=${encodeURIComponent(account.provider)}`;
  }
  const decision = await checkSignUp(policy, { email: address, emailProved: proved, invitationToken });
  return decision.ok ? true : refused(decision.reason);
}

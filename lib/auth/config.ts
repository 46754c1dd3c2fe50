import type { NextAuthConfig } from "next-auth";

/** The app's signed-in areas; proxy.ts sends a visitor without a session there to sign in. Unknown paths stay 404s. */
const APP_PREFIXES = ["/teams", "/t", "/account", "/new-team", "/me", "/mail", "/tv/team"];

export function isAppPath(pathname: string): boolean {
  return APP_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/**
 * The database-free half of the Auth.js config. It holds no providers that need the
 * database; server/auth/auth.ts adds them. The session is a JWT that carries only the user id.
 */
export const authConfig = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [],
  trustHost: true,
  callbacks: {
    jwt({ token, user }) {
      // Keep the token minimal: roles and names are read from the database on every request. `sv` is the
      // person's session version at sign-in; lib/authz.ts treats a token with an older one as signed out.
      // `sid` names the session's server-side record (server/auth/auth.ts creates it at sign-in; sign-out deletes it).
      const sub = user?.id ?? token.sub;
      const sv = user ? ((user as { sessionVersion?: number }).sessionVersion ?? 0) : (token.sv as number | undefined);
      return { sub, sv, sid: token.sid, iat: token.iat, exp: token.exp, jti: token.jti };
    },
    session({ session, token }) {
      if (token.sub) session.user = { ...session.user, id: token.sub };
      (session as { sv?: number }).sv = typeof token.sv === "number" ? token.sv : 0;
      return session;
    },
  },
} satisfies NextAuthConfig;

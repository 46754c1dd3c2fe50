import NextAuth, { CredentialsSignin } from "next-auth";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import Nodemailer from "next-auth/providers/nodemailer";
import { startSession } from "@/db/queries/sessions";
import { getUserCredentials } from "@/db/queries/users";
import { clientIp } from "@/lib/client-ip";
import { env, features } from "@/lib/env";
import { sendVerificationRequest } from "@/server/mail/magic-link";
import { verifyPassword } from "@/lib/password";
import { startSignInAttempt } from "@/server/rate-limit";
import { signInInput } from "@/lib/validation/auth";
import { gateSignIn } from "@/server/auth/sign-in-gate";
import { runtime } from "@/server/runtime.mjs";
import { lazyAdapter } from "./adapter";
import { ssoProviderConfigs } from "@/lib/auth/providers";
import { authConfig } from "@/lib/auth/config";

class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

/** Too many failed attempts from this address (or on this account from it); the message says when to retry. */
export class SignInRateLimited extends CredentialsSignin {
  code = "rate_limited";
  constructor(
    readonly retryAfter: number,
    readonly userMessage: string,
  ) {
    super(userMessage);
  }
}

function providers() {
  const e = env();
  const on = features(e);
  const list: Provider[] = [];
  // AUTH_PASSWORD=off: no credentials provider, so /api/auth/callback/credentials refuses every password too.
  if (on.password) list.push(
    Credentials({
      credentials: { email: {}, password: {} },
      // Every credentials sign-in comes through here: the sign-in form's server action (via signIn()) and any
      // POST to /api/auth/callback/credentials. So the rate limits are applied here, once, for both.
      async authorize(raw, request) {
        const failures = runtime().metrics.signInFailures;
        const parsed = signInInput.safeParse(raw);
        if (!parsed.success) {
          failures.inc({ reason: "invalid_credentials" });
          throw new InvalidCredentials();
        }
        const attempt = await startSignInAttempt(clientIp(request.headers, env().TRUST_PROXY), parsed.data.email);
        if (!attempt.ok) {
          failures.inc({ reason: "rate_limited" });
          throw new SignInRateLimited(attempt.retryAfter, attempt.message);
        }
        const user = await getUserCredentials(parsed.data.email);
        // verifyPassword hashes even when the user does not exist: same time either way.
        const ok = await verifyPassword(parsed.data.password, user?.passwordHash);
        await attempt.finish(!!user && ok);
        if (!user || !ok) {
          failures.inc({ reason: "invalid_credentials" });
          throw new InvalidCredentials();
        }
        return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
      },
    }),
  );
  if (on.magicLink) list.push(Nodemailer({ server: e.SMTP_URL, from: e.MAIL_FROM, sendVerificationRequest }));
  list.push(...ssoProviderConfigs(e));
  return list;
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  callbacks: {
    ...authConfig.callbacks,
    // Linking by address and the sign-up policy, for every provider but the password (server/auth/sign-in-gate.ts).
    signIn: gateSignIn,
    // Every sign-in (password, magic link, LinkedIn, the re-sign-in after a password change) starts a session
    // record of its own; the token names it, and sign-out deletes it (app/(auth)/actions.ts).
    async jwt(params) {
      const token = authConfig.callbacks.jwt(params);
      if (params.user?.id) return { ...token, sid: await startSession(params.user.id, authConfig.session.maxAge) };
      return token;
    },
  },
  adapter: lazyAdapter(),
  providers: providers(),
  logger: {
    // A wrong password is an expected outcome, not a server error worth a stack trace.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
});

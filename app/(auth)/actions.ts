"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/server/auth/auth";
import { endSession } from "@/db/queries/sessions";
import { requestEmailProof } from "@/db/queries/email-proofs";
import { getInvitationByToken } from "@/db/queries/invitations";
import { checkSignUp } from "@/db/queries/signup";
import { createUserWithPassword, normalizeEmail } from "@/db/queries/users";
import { currentSessionId } from "@/lib/authz";
import { requestClientIp } from "@/lib/client-ip";
import { ssoProviders } from "@/lib/auth/providers";
import { policyFromEnv } from "@/lib/auth/signup-policy";
import { env, features } from "@/lib/env";
import { rememberInvitation } from "@/server/auth/sign-in-gate";
import { kickSender } from "@/server/mail/sender";
import { publicOrigin } from "@/lib/mail/origin";
import { hashPassword } from "@/lib/password";
import { checkRateLimit } from "@/server/rate-limit";
import { safeCallbackPath, signInInput, signUpInput } from "@/lib/validation/auth";
import type { AuthFormState } from "@/lib/validation/auth";

/** The sentence of a rate-limit refusal thrown by Auth.js's providers (server/auth/auth.ts, server/mail/magic-link.ts). */
function rateLimited(err: unknown): string | null {
  const e = err as { retryAfter?: unknown; userMessage?: unknown } | null;
  return err instanceof AuthError && typeof e?.retryAfter === "number" && typeof e.userMessage === "string" ? e.userMessage : null;
}

const text = (formData: FormData, key: string) => {
  const v = formData.get(key);
  return typeof v === "string" ? v : "";
};

/** The invitation token of an /invite/<token> path the person came from, or null. */
const invitationToken = (callbackPath: string) => /^\/invite\/([A-Za-z0-9_-]{16,128})$/.exec(callbackPath)?.[1] ?? null;

/**
 * The address a valid email invitation was sent to, when the person is signing up from its link (the sign-up
 * form comes back to /invite/<token>). Holding that link proves the address, as any link sent to it does.
 */

async function invitedAddress(callbackPath: string): Promise<string | null> {
  const token = invitationToken(callbackPath);
  if (!token) return null;
  const invite = await getInvitationByToken(token);
  return invite?.status === "valid" ? invite.email : null;
}

const PASSWORDS_OFF = "This instance does not use passwords: sign in with your company account.";

export async function signUpAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  if (!features().password) return { message: PASSWORDS_OFF };
  const raw = { name: text(formData, "name"), email: text(formData, "email"), password: text(formData, "password") };
  const values = { name: raw.name, email: raw.email };
  const parsed = signUpInput.safeParse(raw);
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const limited = await checkRateLimit("signUpPerIp", await requestClientIp());
  if (!limited.ok) return { message: limited.message, values };

  const callbackPath = safeCallbackPath(formData.get("callbackUrl"));
  const proved = (await invitedAddress(callbackPath)) === normalizeEmail(parsed.data.email);
  const allowed = await checkSignUp(policyFromEnv(env()), { email: parsed.data.email, emailProved: proved, invitationToken: invitationToken(callbackPath) });
  if (!allowed.ok) return { fieldErrors: { email: [allowed.message] }, values };
  const user = await createUserWithPassword({
    name: parsed.data.name,
    email: parsed.data.email,
    passwordHash: await hashPassword(parsed.data.password),
    proved,
    // Without a mail server nobody could prove the first account's address; that person runs the server.
    firstProved: !features().smtp,
  });
  if (!user) {
    return { fieldErrors: { email: ["An account with this email already exists. Sign in instead."] }, values };
  }
  if (!user.emailVerified) {
    await requestEmailProof(user.id, user.email, { origin: publicOrigin() });
    kickSender();
  }
  // Throws Next's redirect on success, which must propagate.
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: callbackPath,
    });
  } catch (err) {
    // This address is blocked from signing in for now (many failed sign-ins from it); the account exists.
    const tooMany = rateLimited(err);
    if (tooMany) return { message: `Your account was created; sign in when you can. ${tooMany}`, values };
    throw err;
  }
  return {};
}

export async function signInAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  if (!features().password) return { message: PASSWORDS_OFF };
  const raw = { email: text(formData, "email"), password: text(formData, "password") };
  const values = { email: raw.email };
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallbackPath(formData.get("callbackUrl")) });
  } catch (err) {
    const tooMany = rateLimited(err);
    if (tooMany) return { message: tooMany, values };
    if (err instanceof AuthError) return { message: "That email and password don't match an account.", values };
    throw err;
  }
  return {};
}

export async function magicLinkAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const email = text(formData, "email");
  const parsed = signInInput.shape.email.safeParse(email);
  if (!parsed.success) return { fieldErrors: { email: parsed.error.issues.map((i) => i.message) }, values: { email } };
  const callbackPath = safeCallbackPath(formData.get("callbackUrl"));
  await rememberInvitation(callbackPath);
  try {
    await signIn("nodemailer", { email: parsed.data, redirectTo: callbackPath });
  } catch (err) {
    const tooMany = rateLimited(err);
    if (tooMany) return { fieldErrors: { email: [tooMany] }, values: { email } };
    throw err;
  }
  return {};
}

/** Signs in (or up) with one of the enabled providers; off to the provider and back (server/auth/sign-in-gate.ts decides). */
export async function ssoSignInAction(formData: FormData) {
  const provider = ssoProviders(env()).find((p) => p.id === formData.get("provider"));
  if (!provider) return;
  const callbackPath = safeCallbackPath(formData.get("callbackUrl"));
  await rememberInvitation(callbackPath);
  await signIn(provider.id, { redirectTo: callbackPath });
}

/** Ends this session on the server (its record goes), then clears the cookie: a copy of it stops working too. */
export async function signOutAction() {
  const sessionId = await currentSessionId();
  if (sessionId) await endSession(sessionId);
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
}

"use server";

import { revalidatePath } from "next/cache";
import { AuthError } from "next-auth";
import { z } from "zod";
import type { AccountFormState } from "@/lib/validation/account";
import { changePassword, deleteAccount, getPasswordHash, setHideComponents, updateProfile } from "@/db/queries/account";
import { createApiToken, revokeApiToken } from "@/db/queries/api-tokens";
import { requestEmailProof } from "@/db/queries/email-proofs";
import { unlinkProvider } from "@/db/queries/sign-in-methods";
import { normalizeEmail } from "@/db/queries/users";
import { ssoProviders } from "@/lib/auth/providers";
import { signIn, signOut } from "@/server/auth/auth";
import { requireUser } from "@/lib/authz";
import { env, features } from "@/lib/env";
import { formValues } from "@/lib/form-data";
import { kickSender } from "@/server/mail/sender";
import { publicOrigin } from "@/lib/mail/origin";
import { hashPassword, verifyPassword } from "@/lib/password";
import { checkRateLimit } from "@/server/rate-limit";
import { passwordChangeInput, profileInput, tokenNameInput } from "@/lib/validation/account";

const flat = (err: z.ZodError) => z.flattenError(err).fieldErrors as Record<string, string[]>;

export async function updateProfileAction(_prev: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const values = formValues(formData);
  const parsed = profileInput.safeParse(values);
  if (!parsed.success) return { fieldErrors: flat(parsed.error), values };
  const user = await requireUser("/account");
  const limited = await checkRateLimit("profileChangePerAccount", user.id);
  if (!limited.ok) return { message: limited.message, values };
  if (normalizeEmail(parsed.data.email) !== user.email) {
    // Each new address gets an email: counted like a resend, so the form cannot mail arbitrary addresses in bulk.
    const proofs = await checkRateLimit("emailProofPerAccount", user.id);
    if (!proofs.ok) return { fieldErrors: { email: [proofs.message] }, values };
  }
  const r = await updateProfile(user.id, parsed.data, { origin: publicOrigin() });
  if (!r.ok) return { fieldErrors: { [r.field]: [r.error] }, values };
  revalidatePath("/", "layout");
  if (!r.pendingEmail) return { ok: true, message: "Profile saved." };
  kickSender();
  return { ok: true, message: `Profile saved. Your email changes to ${r.pendingEmail} once you open the link we sent there. ${whereTheLinkIs()}` };
}

/** Where a confirmation link can be found: the inbox, or (no SMTP) the administrator's mail preview. */
function whereTheLinkIs() {
  return features().smtp
    ? "Check that inbox."
    : "This server sends no email: the link is in its administrator's mail preview (the first account created here); ask them to pass it on.";
}

/** Sends (again) the link that proves this account receives mail at its address. */
export async function resendEmailProofAction(_prev: AccountFormState): Promise<AccountFormState> {
  const user = await requireUser("/account");
  if (user.emailVerified) return { ok: true, message: "Your email address is already confirmed." };
  const limited = await checkRateLimit("emailProofPerAccount", user.id);
  if (!limited.ok) return { message: limited.message };
  await requestEmailProof(user.id, user.email, { origin: publicOrigin() });
  kickSender();
  revalidatePath("/account");
  return { ok: true, message: `We sent a new confirmation link to ${user.email}. ${whereTheLinkIs()}` };
}

const PASSWORD_CHANGED_PATH = "/account?password=changed#password";

/** Changes the password and signs out every other session (the session version goes up); this one signs in anew. */
export async function changePasswordAction(_prev: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const values = formValues(formData);
  const parsed = passwordChangeInput.safeParse(values);
  if (!parsed.success) return { fieldErrors: flat(parsed.error) };
  const user = await requireUser("/account");
  if (!features().password) return { message: "This instance does not use passwords." };
  // Counted before the current password is checked: a stolen session must not become a password oracle.
  const limited = await checkRateLimit("passwordChangePerAccount", user.id);
  if (!limited.ok) return { message: limited.message };
  const ok = await verifyPassword(parsed.data.currentPassword, await getPasswordHash(user.id));
  if (!ok) return { fieldErrors: { currentPassword: ["That is not your current password."] } };
  await changePassword(user.id, await hashPassword(parsed.data.newPassword));
  // A fresh token with the new session version keeps this browser signed in; every other token is now stale.
  // It redirects: re-rendering this page inside the action would still read the request's old cookie (the
  // stale token) and send the person to sign-in; the redirect's render gets the new cookie.
  try {
    await signIn("credentials", { email: user.email, password: parsed.data.newPassword, redirectTo: PASSWORD_CHANGED_PATH });
  } catch (err) {
    // Sign-in from this address is rate-limited right now: the password is changed all the same.
    if (!(err instanceof AuthError)) throw err;
    return { ok: true, message: "Password changed. You were signed out everywhere, here too: sign in again with your new password." };
  }
  return { ok: true, message: "Password changed. You were signed out everywhere else." };
}

export async function setPrivacyAction(_prev: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const hide = formData.get("hideComponents") === "on";
  const user = await requireUser("/account");
  await setHideComponents(user.id, hide);
  revalidatePath("/", "layout");
  return {
    ok: true,
    message: hide
      ? "Saved: teammates now see only your total SSI. Managers and owners still see your four components."
      : "Saved: teammates see your total and your four components.",
  };
}

export async function createTokenAction(_prev: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const values = formValues(formData);
  const parsed = tokenNameInput.safeParse(values);
  if (!parsed.success) return { fieldErrors: flat(parsed.error), values };
  const user = await requireUser("/account");
  const { token } = await createApiToken(user.id, parsed.data.name);
  revalidatePath("/account");
  return { ok: true, message: `Token “${parsed.data.name}” created. Copy it now: it is not shown again.`, secret: token };
}

export async function revokeTokenAction(tokenId: string): Promise<void> {
  const user = await requireUser("/account");
  await revokeApiToken(user.id, tokenId);
  revalidatePath("/account");
}

/**
 * Links one of the enabled providers to the signed-in account: off to the provider, and back to the account page.
 * Auth.js links it because this session is signed in (server/auth/sign-in-gate.ts checks the session is live).
 */
export async function linkProviderAction(formData: FormData): Promise<void> {
  await requireUser("/account");
  const provider = ssoProviders(env()).find((p) => p.id === formData.get("provider"));
  if (!provider) return;
  await signIn(provider.id, { redirectTo: `/account?linked=${provider.id}#sign-in-methods` });
}

/** Unlinks a provider from the signed-in account, unless it is the last way to sign in. */
export async function unlinkProviderAction(provider: string, _prev: AccountFormState): Promise<AccountFormState> {
  const user = await requireUser("/account");
  const result = await unlinkProvider(user.id, provider, { passwords: features().password });
  if (result === "last_method") return { message: "This is your only way to sign in: link another one (or set a password) before removing it." };
  revalidatePath("/account");
  return result === "ok" ? { ok: true, message: "Unlinked." } : {};
}

export async function deleteAccountAction(_prev: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const user = await requireUser("/account");
  const limited = await checkRateLimit("accountDeletionPerAccount", user.id);
  if (!limited.ok) return { message: limited.message };
  if (String(formData.get("confirmEmail") ?? "").trim().toLowerCase() !== user.email) {
    return { fieldErrors: { confirmEmail: [`Type your email address, ${user.email}, to confirm.`] } };
  }
  const r = await deleteAccount(user.id);
  if (!r.ok) {
    return {
      message: `You are the only owner of ${r.soleOwnerOf.map((t) => t.name).join(", ")}. Make someone else owner or delete ${r.soleOwnerOf.length === 1 ? "that team" : "those teams"} first. Nothing was deleted.`,
    };
  }
  await signOut({ redirectTo: "/sign-in?deleted=1" });
  return {};
}

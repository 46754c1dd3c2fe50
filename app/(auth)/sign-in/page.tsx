import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { OtherSignIn } from "@/components/auth/other-sign-in";
import { magicLinkAction, signInAction, ssoSignInAction } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { currentUser } from "@/lib/authz";
import { providerName, ssoProviders } from "@/lib/auth/providers";
import { env, features } from "@/lib/env";
import { safeCallbackPath } from "@/lib/validation/auth";

export const metadata: Metadata = { title: "Sign in" };

const LINK_FROM_ACCOUNT =
  "An account with this email address already exists. Sign in the way you usually do, then link {provider} under Account → Sign-in methods.";

const AUTH_ERRORS: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. Ask for a new one.",
  OAuthAccountNotLinked: LINK_FROM_ACCOUNT,
  AccountExists: LINK_FROM_ACCOUNT,
  SessionEnded: "Your earlier session had ended, so nothing was linked. Sign in again.",
  NoEmail: "Your sign-in provider did not tell us your email address, so we cannot sign you in with it.",
  AccessDenied: "Sign-in was cancelled or refused.",
  Configuration: "Sign-in is not set up correctly on this server. Please tell your administrator.",
};

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const f = features();
  const provider = typeof params.provider === "string" ? providerName(env(), params.provider) : "this sign-in method";
  const error =
    typeof params.error === "string" ? (AUTH_ERRORS[params.error] ?? "Sign-in failed. Please try again.").replace("{provider}", provider) : null;
  const signUpHref = `/sign-up${params.callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`;
  return (
    <Card>
      <h1 className="mb-1 text-2xl font-bold">Sign in</h1>
      <p className="mb-6 text-sm text-muted">See where your team stands on LinkedIn&apos;s Social Selling Index.</p>
      <div className="flex flex-col gap-4">
        {params.signedOut ? <Alert tone="success">You are signed out.</Alert> : null}
        {params.deleted ? <Alert tone="success">Your account and all your scores were deleted.</Alert> : null}
        {params.check === "email" ? <Alert tone="success">Check your inbox: we sent you a sign-in link.</Alert> : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
        {f.password ? <SignInForm signIn={signInAction} callbackUrl={callbackUrl} /> : null}
      </div>
      <OtherSignIn providers={ssoProviders(env())} ssoAction={ssoSignInAction} magicLinkAction={f.magicLink ? magicLinkAction : undefined} callbackUrl={callbackUrl} divided={f.password} />
      <p className="mt-6 text-sm text-muted">
        New here? <Link href={signUpHref}>Create an account</Link>
      </p>
    </Card>
  );
}

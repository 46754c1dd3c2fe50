import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { magicLinkAction, signUpAction, ssoSignInAction } from "@/app/(auth)/actions";
import { OtherSignIn } from "@/components/auth/other-sign-in";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getInvitationByToken } from "@/db/queries/invitations";
import { hasAnyAccount } from "@/db/queries/signup";
import { ssoProviders } from "@/lib/auth/providers";
import { describePolicy, INVITE_ONLY_REFUSAL, listDomains, policyFromEnv, type SignUpPolicy } from "@/lib/auth/signup-policy";
import { currentUser } from "@/lib/authz";
import { env, features } from "@/lib/env";
import { safeCallbackPath } from "@/lib/validation/auth";

export const metadata: Metadata = { title: "Create your account" };

/** Why a provider's sign-up was refused (server/auth/sign-in-gate.ts sends the person here with the reason). */
function refusal(policy: SignUpPolicy, reason: unknown): string | null {
  const domains = policy.mode === "domains" ? listDomains(policy.domains) : "";
  if (reason === "invite_only") return INVITE_ONLY_REFUSAL;
  if (reason === "domain") return `Accounts on this instance are for ${domains} addresses. Ask your manager for an invitation.`;
  if (reason === "domain_unproved") return `Your sign-in provider did not confirm that this ${domains} address is yours, so no account was created. Ask your manager for an invitation.`;
  return null;
}

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const email = typeof params.email === "string" ? params.email : undefined;
  const signInHref = `/sign-in${params.callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`;
  const e = env();
  const policy = policyFromEnv(e);
  const token = /^\/invite\/([A-Za-z0-9_-]{16,128})$/.exec(callbackUrl)?.[1];
  const [invitation, anyAccount] = policy.mode === "open" ? [null, true] : await Promise.all([token ? getInvitationByToken(token) : null, hasAnyAccount()]);
  const invited = invitation?.status === "valid";
  // Who this page can serve: everyone when open; with an invitation (or for the instance's first account) otherwise.
  // In `domains` mode the address must be proved, which a typed password cannot do: providers and sign-in links only.
  const passwordForm = features().password && (policy.mode === "open" || invited || !anyAccount);
  const otherWays = policy.mode !== "invite-only" || invited || !anyAccount;
  const providers = ssoProviders(e);
  const refused = refusal(policy, params.refused);
  const about = invited || !anyAccount ? null : describePolicy(policy);
  return (
    <Card>
      <h1 className="mb-1 text-2xl font-bold">Create your account</h1>
      <p className="mb-6 text-sm text-muted">Record your SSI, see your rank in your team, and track your progress.</p>
      <div className="flex flex-col gap-4">
        {refused ? <Alert tone="error">{refused}</Alert> : null}
        {about ? (
          <div data-testid="signup-policy">
            <Alert tone="info" title={policy.mode === "invite-only" ? "Invitation needed" : "Company accounts only"}>
              {about}
            </Alert>
          </div>
        ) : null}
        {!anyAccount && policy.mode !== "open" ? (
          <Alert tone="info">This instance has no account yet: the first one you create here sets it up and becomes its administrator.</Alert>
        ) : null}
        {passwordForm ? <SignUpForm signUp={signUpAction} callbackUrl={callbackUrl} email={email} /> : null}
      </div>
      {otherWays ? (
        <OtherSignIn
          providers={providers}
          ssoAction={ssoSignInAction}
          magicLinkAction={features().magicLink ? magicLinkAction : undefined}
          callbackUrl={callbackUrl}
          verb="Sign up"
          divided={passwordForm}
        />
      ) : null}
      <p className="mt-6 text-sm text-muted">
        Already have an account? <Link href={signInHref}>Sign in</Link>
      </p>
    </Card>
  );
}

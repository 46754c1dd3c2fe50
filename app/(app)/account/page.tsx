import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { DeleteAccountForm, PasswordForm, PrivacyForm, ProfileForm } from "@/components/account/account-forms";
import { EmailStatus } from "@/components/account/email-status";
import { SignInMethods } from "@/components/account/sign-in-methods";
import { CreateTokenForm } from "@/components/account/token-forms";
import { formatDate } from "@/lib/format";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getAccount, listSoleOwnedTeams } from "@/db/queries/account";
import { listApiTokens } from "@/db/queries/api-tokens";
import { getPendingEmailChange } from "@/db/queries/email-proofs";
import { listSignInMethods } from "@/db/queries/sign-in-methods";
import { providerName, ssoProviders } from "@/lib/auth/providers";
import { requireUser } from "@/lib/authz";
import { env, features } from "@/lib/env";
import { notFound } from "next/navigation";
import {
  changePasswordAction,
  createTokenAction,
  deleteAccountAction,
  resendEmailProofAction,
  linkProviderAction,
  revokeTokenAction,
  setPrivacyAction,
  unlinkProviderAction,
  updateProfileAction,
} from "./actions";

export const metadata: Metadata = { title: "Account settings" };

function Section({ id, title, intro, children }: { id: string; title: string; intro?: React.ReactNode; children: React.ReactNode }) {
  return (
    <Card aria-labelledby={`${id}-title`} id={id} className="scroll-mt-20">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      {intro ? <div className="mb-4 mt-1 text-sm text-muted">{intro}</div> : <div className="mb-4" />}
      {children}
    </Card>
  );
}

const when = (d: Date | null) => (d ? formatDate(d.toISOString().slice(0, 10)) : "never");

export default async function AccountPage({ searchParams }: PageProps<"/account">) {
  const user = await requireUser("/account");
  const params = await searchParams;
  const passwordChanged = params.password === "changed";
  const emailConfirmed = params.email === "confirmed";
  const account = await getAccount(user.id);
  if (!account) notFound();
  const [tokens, soleOwned, pendingEmail, methods] = await Promise.all([
    listApiTokens(user.id),
    listSoleOwnedTeams(user.id),
    getPendingEmailChange(user.id),
    listSignInMethods(user.id, { passwords: features().password }),
  ]);
  // Every enabled provider, linked or not, then any linked provider this instance no longer offers (to unlink it).
  const enabled = ssoProviders(env());
  const methodRows = [
    ...enabled.map((p) => ({ id: p.id, name: p.name, linked: methods.providers.includes(p.id) })),
    ...methods.providers.filter((id) => !enabled.some((p) => p.id === id)).map((id) => ({ id, name: providerName(env(), id), linked: true })),
  ];
  const linkNotice =
    params.link === "taken"
      ? "That account is already linked to another person here, so it was not linked to yours."
      : typeof params.linked === "string" && methods.providers.includes(params.linked)
        ? `${providerName(env(), params.linked)} is linked: you can sign in with it from now on.`
        : null;
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost"}`;
  const active = tokens.filter((t) => !t.revokedAt);

  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold sm:text-3xl">Account settings</h1>
        <p className="text-sm text-muted">
          Your profile, privacy, API tokens and data. Email preferences are under{" "}
          <Link href="/account/notifications">notifications</Link>.
        </p>
      </div>

      <Section id="profile" title="Profile">
        {emailConfirmed ? (
          <div className="mb-4">
            <Alert tone="success">Email address confirmed: {account.email} is yours.</Alert>
          </div>
        ) : null}
        <div className="mb-4 empty:hidden">
          <EmailStatus
            email={account.email}
            confirmed={!!account.emailVerified}
            pendingEmail={pendingEmail}
            smtp={features().smtp}
            resend={resendEmailProofAction}
          />
        </div>
        <ProfileForm action={updateProfileAction} defaults={{ name: account.name ?? "", email: account.email, timeZone: account.timeZone ?? "" }} />
      </Section>

      {account.hasPassword && features().password ? (
        <Section id="password" title="Password" intro="Changing it signs you out on every other device and browser.">
          {passwordChanged ? (
            <div className="mb-4">
              <Alert tone="success">Password changed. You were signed out everywhere else.</Alert>
            </div>
          ) : null}
          <PasswordForm action={changePasswordAction} />
        </Section>
      ) : null}

      {methodRows.length > 0 ? (
        <Section id="sign-in-methods" title="Sign-in methods" intro="The ways you can sign in to this account. Link your company account to sign in with it.">
          {linkNotice ? (
            <div className="mb-4">
              <Alert tone={params.link === "taken" ? "error" : "success"}>{linkNotice}</Alert>
            </div>
          ) : null}
          <SignInMethods password={features().password ? account.hasPassword : null} methods={methodRows} linkAction={linkProviderAction} unlinkAction={unlinkProviderAction} />
        </Section>
      ) : null}

      <Section id="privacy" title="Who can see what">
        <ul className="mb-4 flex list-disc flex-col gap-1 pl-5 text-sm" data-testid="privacy-explainer">
          <li>
            <span className="font-medium">Your teammates</span> see your total SSI, your rank and how it changed
            {account.hideComponents ? "; your four components are hidden from them." : ", and your four components."}
          </li>
          <li>
            <span className="font-medium">Managers and owners</span> of your teams see all of it, including the four components, and can enter scores for you.
          </li>
          <li>
            <span className="font-medium">People outside your teams</span> see nothing. Your goal and My SSI page are only for you.
          </li>
          <li>The weekly team digest follows the same rules.</li>
        </ul>
        <PrivacyForm action={setPrivacyAction} hidden={account.hideComponents} />
      </Section>

      <Section id="notifications" title="Email notifications">
        <p className="text-sm">
          Choose whether you get the weekly digest and a reminder when you haven&apos;t recorded your SSI:{" "}
          <Link href="/account/notifications">notification preferences</Link>.
        </p>
      </Section>

      <Section
        id="api"
        title="API tokens"
        intro={
          <>
            Personal access tokens let a script record your SSI or read your teams&apos; boards through the{" "}
            <a href="/api/v1/openapi.json">JSON API</a>. A token acts as you: keep it secret, revoke it when unused.
          </>
        }
      >
        <CreateTokenForm action={createTokenAction} origin={origin} />
        {tokens.length > 0 ? (
          <ul className="mt-4 divide-y divide-line rounded-md border border-line" aria-label="Your API tokens">
            {tokens.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center gap-3 px-3 py-2" data-testid="api-token" data-token-name={t.name}>
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium">
                    {t.name} {t.revokedAt ? <span className="text-xs font-normal text-danger">revoked {when(t.revokedAt)}</span> : null}
                  </p>
                  <p className="text-xs text-muted">
                    Created {when(t.createdAt)} · last used {when(t.lastUsedAt)}
                  </p>
                </div>
                {t.revokedAt ? null : (
                  <form action={revokeTokenAction.bind(null, t.id)}>
                    <button type="submit" className={buttonClass("ghost-danger")} aria-label={`Revoke ${t.name}`}>
                      Revoke
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        ) : null}
        {active.length === 0 && tokens.length === 0 ? <p className="mt-3 text-sm text-muted">You have no tokens.</p> : null}
      </Section>

      <Section id="data" title="Your data" intro="Everything stored about you: profile, teams, every score, your goal and your tokens' names (never secrets).">
        <a href="/account/export" className={buttonClass("secondary")} download>
          Download my data (JSON)
        </a>
      </Section>

      <Section
        id="delete"
        title="Delete my account"
        intro="This deletes your account and all your scores, memberships, goal and tokens. It cannot be undone."
      >
        {soleOwned.length > 0 ? (
          <p className="mb-3 rounded-md border border-warn/40 bg-warn-soft px-3 py-2 text-sm" data-testid="sole-owner">
            You are the only owner of{" "}
            {soleOwned.map((t, i) => (
              <span key={t.slug}>
                {i > 0 ? ", " : ""}
                <Link href={`/t/${t.slug}/settings`}>{t.name}</Link>
              </span>
            ))}
            . Make someone else owner or delete {soleOwned.length === 1 ? "that team" : "those teams"} before deleting your account.
          </p>
        ) : null}
        <DeleteAccountForm action={deleteAccountAction} email={account.email} />
      </Section>
    </div>
  );
}

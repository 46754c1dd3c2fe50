import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/app-shell/logo";
import { AcceptInvite } from "@/components/team/accept-invite";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getInvitationByToken } from "@/db/queries/invitations";
import { normalizeEmail } from "@/db/queries/users";
import { currentUser, listMyTeams } from "@/lib/authz";
import { acceptInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Invitation", robots: { index: false } };

const ROLE_PHRASE = { owner: "the owner", manager: "a manager", member: "a member" } as const;

const DEAD = {
  expired: ["This invitation has expired", "Invitations are valid for a limited time. Ask your manager to send you a new one."],
  revoked: ["This invitation was revoked", "Your manager withdrew this invitation. Ask them for a new one if you should be on the team."],
  used: ["This invitation was already used", "Each email invitation works once. If it was you, sign in to see your team."],
} as const;

export default async function InvitePage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const [invite, user] = await Promise.all([getInvitationByToken(token), currentUser()]);
  const here = `/invite/${token}`;
  const mine = user && invite ? (await listMyTeams()).find((t) => t.slug === invite.teamSlug) : undefined;

  let body: React.ReactNode;
  if (!invite) {
    body = (
      <>
        <h1 className="text-xl font-bold">This invitation link is not valid</h1>
        <p className="text-sm text-muted">Check that you copied the whole link, or ask your manager for a new one.</p>
      </>
    );
  } else if (invite.status !== "valid") {
    const [title, text] = DEAD[invite.status];
    body = (
      <>
        <h1 className="text-xl font-bold">{title}</h1>
        <p className="text-sm text-muted">{text}</p>
        <p className="text-sm">Team: <strong>{invite.teamName}</strong></p>
      </>
    );
  } else if (mine) {
    // Someone already in the team (often its owner checking the join link they share): nothing to join.
    body = (
      <>
        <h1 className="text-xl font-bold">{invite.teamName}</h1>
        <p className="text-sm" data-testid="already-member">
          {`You are already ${ROLE_PHRASE[mine.role]} of this team.${mine.role === "member" ? "" : " Share this link with the people you want to invite."}`}
        </p>
        <div>
          <ButtonLink href={`/t/${invite.teamSlug}`}>Open the leaderboard</ButtonLink>
        </div>
      </>
    );
  } else {
    const wrongEmail = !!(user && invite.email && normalizeEmail(user.email) !== invite.email);
    const unproved = !!(user && invite.email && !wrongEmail && !user.emailVerified);
    body = (
      <>
        <h1 className="text-xl font-bold">Join {invite.teamName}</h1>
        <p className="text-sm text-muted">
          {invite.invitedBy ? `${invite.invitedBy} invited you` : "You're invited"} to join as {invite.role === "manager" ? "a manager" : "a member"}
          {invite.email ? ` (invitation for ${invite.email})` : ""}. Valid until {invite.expiresAt.toISOString().slice(0, 10)}.
        </p>
        {!user ? (
          <div className="flex flex-col gap-2 sm:flex-row">
            <ButtonLink href={`/sign-up?callbackUrl=${encodeURIComponent(here)}${invite.email ? `&email=${encodeURIComponent(invite.email)}` : ""}`}>Create an account to join</ButtonLink>
            <ButtonLink href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} variant="secondary">I have an account</ButtonLink>
          </div>
        ) : wrongEmail ? (
          <p role="alert" className="rounded-md border border-danger/40 bg-danger-soft px-4 py-3 text-sm">
            This invitation is for {invite.email}, but you are signed in as {user.email}. Sign out and sign in with the invited address to accept it.
          </p>
        ) : unproved ? (
          <p role="alert" className="rounded-md border border-warn/40 bg-warn-soft px-4 py-3 text-sm" data-testid="invite-unconfirmed">
            Confirm that {invite.email} is yours before accepting: open the confirmation link sent to it (see{" "}
            <Link href="/account#profile">your account page</Link>), then come back to this invitation.
          </p>
        ) : (
          <AcceptInvite action={acceptInvitationAction.bind(null, token)} teamName={invite.teamName} />
        )}
      </>
    );
  }
  return (
    <div className="flex min-h-dvh flex-col items-center px-4 py-8 sm:py-16">
      <header className="mb-8"><Logo /></header>
      <main id="main" className="w-full max-w-md">
        <Card className="flex flex-col gap-4">{body}</Card>
        <p className="mt-6 text-center text-sm text-muted"><Link href="/">SSI Leaderboard</Link></p>
      </main>
    </div>
  );
}

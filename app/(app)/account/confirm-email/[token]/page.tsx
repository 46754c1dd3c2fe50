import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmEmailForm } from "@/components/account/confirm-email-form";
import { Card } from "@/components/ui/card";
import { getEmailProof } from "@/db/queries/email-proofs";
import { requireUser } from "@/lib/authz";
import { confirmEmailAction } from "./actions";

export const metadata: Metadata = { title: "Confirm your email address", robots: { index: false } };

/** Where an address-proof link leads: the signed-in account it was sent for confirms the address with one button. */
export default async function ConfirmEmailPage({ params }: PageProps<"/account/confirm-email/[token]">) {
  const { token } = await params;
  const user = await requireUser(`/account/confirm-email/${token}`);
  const proof = await getEmailProof(token);

  let body: React.ReactNode;
  if (!proof || proof.status !== "valid") {
    body = (
      <>
        <h1 className="text-xl font-bold">{!proof ? "This confirmation link is not valid" : proof.status === "used" ? "This link was already used" : "This link has expired"}</h1>
        <p className="text-sm text-muted">
          {proof?.status === "used" ? "It was used, or a newer link replaced it. " : ""}You can ask for a new link on <Link href="/account">your account page</Link>.
        </p>
      </>
    );
  } else if (proof.userId !== user.id) {
    body = (
      <>
        <h1 className="text-xl font-bold">This link is for another account</h1>
        <p className="text-sm text-muted">
          You are signed in as {user.email}. The link confirms {proof.email} for a different account: sign out, and sign in to that account to use it.
          If you did not create that account, ignore the link.
        </p>
      </>
    );
  } else {
    body = (
      <>
        <h1 className="text-xl font-bold">Confirm your email address</h1>
        <p className="text-sm text-muted">
          {proof.email === user.email
            ? `Confirm that ${proof.email} is yours. Invitations and mail sent to it then reach this account.`
            : `Your account's email changes from ${user.email} to ${proof.email}. You sign in with the new address afterwards.`}
        </p>
        <ConfirmEmailForm action={confirmEmailAction.bind(null, token)} email={proof.email} />
      </>
    );
  }
  return (
    <div className="mx-auto w-full max-w-md">
      <Card className="flex flex-col gap-4">{body}</Card>
    </div>
  );
}

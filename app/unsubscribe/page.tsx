import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/app-shell/logo";
import { UnsubscribeForm } from "@/components/mail/unsubscribe-form";
import { Card } from "@/components/ui/card";
import { verifyUnsubscribeToken } from "@/lib/mail/unsubscribe";
import { unsubscribeAction } from "./actions";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

const LIST_NAME = { digest: "the weekly digest", reminders: "the weekly reminder", "team-reminders": "reminders from managers" } as const;

/** The page the unsubscribe link in every email opens: one button, no sign-in. */
export default async function UnsubscribePage({ searchParams }: PageProps<"/unsubscribe">) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const claim = verifyUnsubscribeToken(token);
  return (
    <div className="flex min-h-dvh flex-col items-center px-4 py-8 sm:py-16">
      <header className="mb-8"><Logo /></header>
      <main id="main" className="w-full max-w-md">
        <Card className="flex flex-col gap-4">
          {claim ? (
            <>
              <h1 className="text-xl font-bold">Unsubscribe from {LIST_NAME[claim.list]}?</h1>
              <p className="text-sm text-muted">
                You will stop receiving {LIST_NAME[claim.list]} for every team you are in. Invitations and sign-in links still arrive.
              </p>
              <UnsubscribeForm action={unsubscribeAction} token={token} listName={LIST_NAME[claim.list]} />
            </>
          ) : (
            <>
              <h1 className="text-xl font-bold">This unsubscribe link is not valid</h1>
              <p className="text-sm text-muted">
                Check that you opened the whole link from the email. You can also sign in and change your email preferences.
              </p>
            </>
          )}
        </Card>
        <p className="mt-6 text-center text-sm text-muted">
          <Link href="/account/notifications">Email preferences</Link> · <Link href="/">SSI Leaderboard</Link>
        </p>
      </main>
    </div>
  );
}

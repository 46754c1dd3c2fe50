"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { AccountFormState } from "@/lib/validation/account";

type Props = {
  email: string;
  confirmed: boolean;
  pendingEmail: string | null;
  smtp: boolean;
  resend: (prev: AccountFormState) => Promise<AccountFormState>;
};

/** Whether the account's address is proved, a change waiting for its link, and a way to get the link again. */
export function EmailStatus({ email, confirmed, pendingEmail, smtp, resend }: Props) {
  const [state, action] = useActionState(resend, {});
  const where = smtp
    ? "Open the link in that inbox while signed in here."
    : "This server sends no email: the link is in the mail preview of its administrator (the first account created here), who can pass it on to you.";
  if (confirmed && !pendingEmail) return null;
  return (
    <div className="flex flex-col gap-3" data-testid="email-status">
      {pendingEmail ? (
        <Alert tone="info" title={`Waiting for you to confirm ${pendingEmail}`}>
          Your email stays {email} until you open the link we sent to {pendingEmail}. {where}
        </Alert>
      ) : null}
      {!confirmed ? (
        <Alert tone="warning" title="Your email address is not confirmed yet">
          <p>
            Until you confirm that {email} is yours, this account cannot accept invitations sent to it and does not see mail sent to it. {where}
          </p>
          <form action={action} className="mt-3 flex flex-wrap items-center gap-3">
            <SubmitButton variant="secondary" pendingLabel="Sending…">
              Send the confirmation link again
            </SubmitButton>
            {state.message ? (
              <span role={state.ok ? "status" : "alert"} className="text-sm">
                {state.message}
              </span>
            ) : null}
          </form>
        </Alert>
      ) : null}
    </div>
  );
}

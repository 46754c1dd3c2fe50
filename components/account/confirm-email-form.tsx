"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";

/** The one button that uses an address-proof link (a POST, so link scanners opening the URL change nothing). */
export function ConfirmEmailForm({ action, email }: { action: (prev: { message?: string }) => Promise<{ message?: string }>; email: string }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-3">
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <SubmitButton pendingLabel="Confirming…">Confirm {email}</SubmitButton>
    </form>
  );
}

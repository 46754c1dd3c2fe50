"use client";

import { useActionState } from "react";
import type { UnsubscribeState } from "@/lib/validation/notifications";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/validation/action-state";

export function UnsubscribeForm({ action, token, listName }: { action: FormAction<UnsubscribeState>; token: string; listName: string }) {
  const [state, formAction] = useActionState(action, {});
  if (state.done) {
    return (
      <Alert tone="success" title="You're unsubscribed">
        You will no longer receive {listName}. Changed your mind? Turn it back on in your email preferences.
      </Alert>
    );
  }
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="token" value={token} />
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <SubmitButton pendingLabel="Unsubscribing…">Unsubscribe</SubmitButton>
    </form>
  );
}

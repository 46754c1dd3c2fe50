"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";

export function AcceptInvite({ action, teamName }: { action: (prev: { message?: string }) => Promise<{ message?: string }>; teamName: string }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-3">
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <SubmitButton pendingLabel="Joining…">Join {teamName}</SubmitButton>
    </form>
  );
}

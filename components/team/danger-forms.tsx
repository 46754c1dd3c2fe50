"use client";

import { useActionState } from "react";
import type { MemberActionState } from "@/app/(app)/t/[slug]/members/actions";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

type Action = (prev: MemberActionState, formData: FormData) => Promise<MemberActionState>;

export function LeaveTeamForm({ action, teamName }: { action: Action; teamName: string }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-3">
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <div>
        <SubmitButton
          variant="secondary"
          pendingLabel="Leaving…"
          onClick={(e) => {
            if (!window.confirm(`Leave ${teamName}? Your scores stay yours; you can be invited again.`)) e.preventDefault();
          }}
        >
          Leave team
        </SubmitButton>
      </div>
    </form>
  );
}

export function DeleteTeamForm({ action, teamName }: { action: Action; teamName: string }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      <Field label={`Type “${teamName}” to confirm`} name="confirmName" autoComplete="off" errors={state.message ? [state.message] : undefined} />
      <div>
        <SubmitButton variant="danger" pendingLabel="Deleting…">
          Delete team
        </SubmitButton>
      </div>
    </form>
  );
}

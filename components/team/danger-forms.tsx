"use client";

import { useActionState } from "react";
import type { MemberActionState } from "@/lib/validation/team";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/validation/action-state";

type Action = FormAction<MemberActionState>;

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

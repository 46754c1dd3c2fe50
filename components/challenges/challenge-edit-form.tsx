"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ChallengeFormState } from "@/lib/validation/challenge";
import type { FormAction } from "@/lib/validation/action-state";

/** Renames a challenge or moves its end; the start moves only before the challenge has started. */
export function ChallengeEditForm({
  action,
  defaults,
  running,
}: {
  action: FormAction<ChallengeFormState>;
  defaults: { name: string; startsOn: string; endsOn: string };
  running: boolean;
}) {
  const [state, formAction] = useActionState(action, {});
  const v = { ...defaults, ...state.values };
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4" key={JSON.stringify(v)}>
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <Field label="Name" name="name" defaultValue={v.name} errors={e.name} maxLength={80} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Start"
          name="startsOn"
          type="date"
          defaultValue={v.startsOn}
          errors={e.startsOn}
          disabled={running}
          hint={running ? "A running challenge keeps its start date, kind and participants." : undefined}
        />
        <Field label="End" name="endsOn" type="date" defaultValue={v.endsOn} errors={e.endsOn} />
      </div>
      <div>
        <SubmitButton pendingLabel="Saving…">Save changes</SubmitButton>
      </div>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { COMPONENT_LABELS, COMPONENTS } from "@/lib/ssi";
import { GOAL_COMPONENT_FIELDS } from "@/lib/validation/goal";
import { useSuccessToast } from "@/components/ui/toast";
import type { GoalFormState } from "@/lib/validation/goal";
import type { FormAction } from "@/lib/validation/action-state";

/** Sets the person's goal: a target SSI with a date, and optional targets per component. */
export function GoalForm({
  action,
  defaults,
  minDate,
}: {
  action: FormAction<GoalFormState>;
  defaults?: Record<string, string>;
  minDate: string;
}) {
  const [state, formAction] = useActionState(action, {});
  useSuccessToast(state);
  const v = state.ok ? defaults : (state.values ?? defaults);
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4" key={JSON.stringify(v ?? {})}>
      {state.message && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Target SSI" name="targetTotal" inputMode="decimal" defaultValue={v?.targetTotal ?? ""} errors={e.targetTotal} hint="0–100, e.g. 75" />
        <Field label="Reach it by" name="targetDate" type="date" min={minDate} defaultValue={v?.targetDate ?? ""} errors={e.targetDate} />
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">Component targets (optional, 0–25 each)</legend>
        <div className="grid grid-cols-2 gap-3">
          {COMPONENTS.map((c) => {
            const name = GOAL_COMPONENT_FIELDS[c];
            return (
              <Field
                key={c}
                label={`${COMPONENT_LABELS[c].short} target`}
                name={name}
                inputMode="decimal"
                defaultValue={v?.[name] ?? ""}
                errors={e[name]}
              />
            );
          })}
        </div>
      </fieldset>
      <div>
        <SubmitButton pendingLabel="Saving…">Save goal</SubmitButton>
      </div>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { AccountAction } from "@/lib/validation/account";

/** Creates a personal access token; its secret is shown here once, with a ready-to-run example. */
export function CreateTokenForm({ action, origin }: { action: AccountAction; origin: string }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <div className="flex flex-col gap-3">
      {state.secret ? (
        <Alert tone="success" title={state.message}>
          <label htmlFor="new-token" className="sr-only">
            New API token
          </label>
          <input
            id="new-token"
            readOnly
            value={state.secret}
            onFocus={(e) => e.currentTarget.select()}
            className="mt-2 w-full rounded-md border border-line bg-surface px-3 py-2 font-mono text-sm"
            data-testid="new-token"
          />
          <pre className="mt-2 overflow-x-auto whitespace-pre rounded-md bg-raised p-2 text-xs">{`curl -X POST ${origin}/api/v1/snapshots \\
  -H "Authorization: Bearer ${state.secret}" \\
  -H "Content-Type: application/json" \\
  -d '{"brand":18.5,"people":16.3,"insights":14.8,"relationships":21.4}'`}</pre>
        </Alert>
      ) : null}
      <form action={formAction} noValidate className="flex flex-wrap items-end gap-3" key={state.secret ?? "new"}>
        <Field
          id="token-name"
          label="Token name"
          name="name"
          maxLength={60}
          placeholder="e.g. Weekly script"
          defaultValue={state.ok ? "" : (state.values?.name ?? "")}
          errors={state.fieldErrors?.name}
          className="min-w-56 flex-1"
        />
        <SubmitButton pendingLabel="Creating…">
          Create token
        </SubmitButton>
      </form>
    </div>
  );
}

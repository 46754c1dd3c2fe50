"use client";

import { useActionState, useState } from "react";
import type { InviteState } from "@/lib/validation/invitation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/validation/action-state";

/** Invite by email (one person, once) or create a join link; shows the new link to copy. */
export function InviteForm({ action }: { action: FormAction<InviteState> }) {
  const [state, formAction] = useActionState(action, {});
  const [copied, setCopied] = useState<string | null>(null);
  const v = state.values;
  return (
    <div className="flex flex-col gap-4">
      <form action={formAction} noValidate className="grid gap-4 sm:grid-cols-[1fr_10rem_9rem_auto] sm:items-start" key={JSON.stringify(v ?? {}) + (state.link ?? "")}>
        <Field label="Email (leave empty for a join link)" name="email" type="email" autoComplete="off" defaultValue={v?.email} errors={state.fieldErrors?.email} />
        <SelectField label="Role" name="role" defaultValue={v?.role ?? "member"} errors={state.fieldErrors?.role}>
          <option value="member">Member</option>
          <option value="manager">Manager</option>
        </SelectField>
        <SelectField label="Valid for" name="expiresInDays" defaultValue={v?.expiresInDays ?? "7"} errors={state.fieldErrors?.expiresInDays}>
          {[1, 3, 7, 14, 30].map((d) => (
            <option key={d} value={d}>
              {d} {d === 1 ? "day" : "days"}
            </option>
          ))}
        </SelectField>
        <div className="sm:pt-6">
          <SubmitButton pendingLabel="Creating…">Create invitation</SubmitButton>
        </div>
      </form>
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      {state.link ? (
        <Alert tone="success" title={state.email ? `Invitation for ${state.email}` : "Join link created"}>
          <p className="mb-2">
            {state.email
              ? state.emailed
                ? "We emailed them this link; you can also copy it. It works once, only for that email address."
                : "This server sends no email: pass this link on to them yourself. It works once, only for that email address; creating an account from it confirms the address."
              : "Anyone with this link can join until it expires. Share it in your team's channel."}
          </p>
          <div className="flex flex-col gap-2 sm:flex-row">
            <input
              readOnly
              aria-label="Invitation link"
              value={state.link}
              onFocus={(e) => e.currentTarget.select()}
              className="min-h-10 flex-1 rounded-md border border-line bg-surface px-3 font-mono text-xs"
            />
            <Button
              type="button"
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(state.link!).catch(() => {});
                setCopied(state.link!);
              }}
            >
              {copied === state.link ? "Copied" : "Copy link"}
            </Button>
          </div>
        </Alert>
      ) : null}
    </div>
  );
}

"use client";

import { useActionState, useSyncExternalStore } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { AccountAction } from "@/lib/validation/account";
import { useSuccessToast } from "@/components/ui/toast";

const zones = (): string[] => {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return ["UTC"];
  }
};
const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** A failed save explains itself next to the form; a successful one is confirmed by a toast. */
function Message({ state }: { state: { ok?: boolean; message?: string } }) {
  useSuccessToast(state);
  return state.message && !state.ok ? <Alert tone="error">{state.message}</Alert> : null;
}

/** Name, email and personal time zone (used for "today", weeks and streaks on your own page). */
export function ProfileForm({ action, defaults }: { action: AccountAction; defaults: { name: string; email: string; timeZone: string } }) {
  const [state, formAction] = useActionState(action, {});
  const detected = useSyncExternalStore(subscribe, browserZone, () => "");
  const v = state.ok ? undefined : state.values;
  const tz = v?.timeZone ?? defaults.timeZone;
  const all = zones();
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4" key={JSON.stringify(v ?? {})}>
      <Message state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" name="name" autoComplete="name" defaultValue={v?.name ?? defaults.name} errors={e.name} />
        <Field label="Email" name="email" type="email" autoComplete="email" defaultValue={v?.email ?? defaults.email} errors={e.email} hint="You sign in with it." />
      </div>
      <SelectField
        label="Your time zone"
        name="timeZone"
        defaultValue={tz}
        errors={e.timeZone}
        hint={`Sets your “today”, your weeks and streak on My SSI. ${detected ? `This browser is in ${detected.replaceAll("_", " ")}.` : ""}`}
      >
        <option value="">UTC (not set)</option>
        {(all.includes(tz) || tz === "" ? all : [tz, ...all]).map((z) => (
          <option key={z} value={z}>
            {z.replaceAll("_", " ")}
          </option>
        ))}
      </SelectField>
      <div>
        <SubmitButton pendingLabel="Saving…">Save profile</SubmitButton>
      </div>
    </form>
  );
}

export function PasswordForm({ action }: { action: AccountAction }) {
  const [state, formAction] = useActionState(action, {});
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4" key={state.ok ? "done" : "edit"}>
      <Message state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" errors={e.currentPassword} />
        <Field label="New password" name="newPassword" type="password" autoComplete="new-password" errors={e.newPassword} hint="At least 10 characters." />
      </div>
      <div>
        <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
      </div>
    </form>
  );
}

/** The hide-components switch, as a checkbox in a plain form (works without JavaScript too). */
export function PrivacyForm({ action, hidden }: { action: AccountAction; hidden: boolean }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <Message state={state} />
      <label className="flex items-start gap-3">
        <input type="checkbox" name="hideComponents" defaultChecked={hidden} className="mt-1 size-4" />
        <span>
          <span className="font-medium">Hide my four components from teammates</span>
          <span className="block text-sm text-muted">They still see your total SSI and rank. Managers and owners still see everything.</span>
        </span>
      </label>
      <div>
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          Save privacy setting
        </SubmitButton>
      </div>
    </form>
  );
}

export function DeleteAccountForm({ action, email }: { action: AccountAction; email: string }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="flex flex-col gap-3">
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <Field label={`Type your email, ${email}, to confirm`} name="confirmEmail" autoComplete="off" errors={state.fieldErrors?.confirmEmail} />
      <div>
        <SubmitButton variant="danger" pendingLabel="Deleting…">
          Delete my account
        </SubmitButton>
      </div>
    </form>
  );
}

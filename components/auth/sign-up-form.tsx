"use client";

import { useActionState } from "react";
import type { AuthFormState } from "@/lib/validation/auth";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { PASSWORD_MIN } from "@/lib/validation/auth";
import type { FormAction } from "@/lib/validation/action-state";

export function SignUpForm({ signUp, callbackUrl, email }: { signUp: FormAction<AuthFormState>; callbackUrl?: string; email?: string }) {
  const [state, action] = useActionState<AuthFormState, FormData>(signUp, {});
  const v = state.values;
  return (
    <form action={action} noValidate className="flex flex-col gap-4" aria-label="Create your account">
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <Field
        label="Your name"
        name="name"
        autoComplete="name"
        required
        maxLength={80}
        defaultValue={v?.name}
        key={`name-${v?.name ?? ""}`}
        errors={state.fieldErrors?.name}
      />
      <Field
        label="Work email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={v?.email ?? email}
        key={`email-${v?.email ?? ""}`}
        errors={state.fieldErrors?.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={`At least ${PASSWORD_MIN} characters. A short sentence works well.`}
        errors={state.fieldErrors?.password}
      />
      <SubmitButton pendingLabel="Creating your account…">Create account</SubmitButton>
    </form>
  );
}

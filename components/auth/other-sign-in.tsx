"use client";

import { useActionState } from "react";
import type { AuthFormState } from "@/lib/validation/auth";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/validation/action-state";

/** Sign-in options that exist only when configured: LinkedIn (OIDC) and magic-link email (SMTP). */
export function OtherSignIn({
  linkedin,
  magicLink,
  callbackUrl,
  actions,
}: {
  linkedin: boolean;
  magicLink: boolean;
  callbackUrl?: string;
  actions: { linkedIn: (data: FormData) => Promise<void>; magicLink: FormAction<AuthFormState> };
}) {
  const [state, action] = useActionState<AuthFormState, FormData>(actions.magicLink, {});
  if (!linkedin && !magicLink) return null;
  return (
    <div className="mt-6 flex flex-col gap-4 border-t border-line pt-6">
      {linkedin ? (
        <form action={actions.linkedIn}>
          <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
          <SubmitButton variant="secondary" className="w-full" pendingLabel="Opening LinkedIn…">
            Sign in with LinkedIn
          </SubmitButton>
        </form>
      ) : null}
      {magicLink ? (
        <form action={action} noValidate className="flex flex-col gap-3" aria-label="Email me a sign-in link">
          <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
          <Field label="Email me a sign-in link" name="email" id="magic-email" type="email" autoComplete="email" errors={state.fieldErrors?.email} defaultValue={state.values?.email} />
          <SubmitButton variant="secondary" pendingLabel="Sending…">Send link</SubmitButton>
        </form>
      ) : null}
    </div>
  );
}

"use client";

import { useActionState } from "react";
import type { AuthFormState } from "@/lib/validation/auth";
import type { SsoProvider } from "@/lib/auth/providers";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/validation/action-state";

type Props = {
  /** The enabled single-sign-on providers, in their fixed order (lib/auth/providers.ts). */
  providers: SsoProvider[];
  ssoAction: (formData: FormData) => Promise<void>;
  /** The sign-in link by email (SMTP only); absent when there is none. */
  magicLinkAction?: FormAction<AuthFormState>;
  callbackUrl?: string;
  /** "Sign in" on the sign-in page, "Sign up" on the sign-up page. */
  verb?: "Sign in" | "Sign up";
  /** Whether a password form is shown above (then these options sit under a divider). */
  divided?: boolean;
};

/** Sign-in options that exist only when configured: each SSO provider, then the sign-in link by email. */
export function OtherSignIn({ providers, ssoAction, magicLinkAction, callbackUrl, verb = "Sign in", divided = true }: Props) {
  const [state, action] = useActionState<AuthFormState, FormData>(magicLinkAction ?? (async () => ({})), {});
  if (providers.length === 0 && !magicLinkAction) return null;
  return (
    <div className={`flex flex-col gap-4 ${divided ? "mt-6 border-t border-line pt-6" : ""}`}>
      {providers.length > 0 ? (
        <ul className="flex flex-col gap-2" aria-label={`${verb} with your company account`}>
          {providers.map((p) => (
            <li key={p.id}>
              <form action={ssoAction}>
                <input type="hidden" name="provider" value={p.id} />
                <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
                <SubmitButton variant="secondary" className="w-full" pendingLabel={`Opening ${p.name}…`} data-provider={p.id}>
                  {verb} with {p.name}
                </SubmitButton>
              </form>
            </li>
          ))}
        </ul>
      ) : null}
      {magicLinkAction ? (
        <form action={action} noValidate className="flex flex-col gap-3" aria-label="Email me a sign-in link">
          <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
          <Field label="Email me a sign-in link" name="email" id="magic-email" type="email" autoComplete="email" errors={state.fieldErrors?.email} defaultValue={state.values?.email} />
          <SubmitButton variant="secondary" pendingLabel="Sending…">Send link</SubmitButton>
        </form>
      ) : null}
    </div>
  );
}

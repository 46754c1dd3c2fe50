"use client";

import { useActionState } from "react";
import type { AccountFormState } from "@/lib/validation/account";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";

export type SignInMethodRow = { id: string; name: string; linked: boolean };

type Props = {
  /** Whether a password is set; null when this instance uses no passwords (AUTH_PASSWORD=off). */
  password: boolean | null;
  methods: SignInMethodRow[];
  linkAction: (formData: FormData) => Promise<void>;
  unlinkAction: (provider: string, prev: AccountFormState) => Promise<AccountFormState>;
};

function UnlinkButton({ method, action, only }: { method: SignInMethodRow; action: Props["unlinkAction"]; only: boolean }) {
  const [state, formAction] = useActionState(action.bind(null, method.id), {});
  if (only) return <span className="text-xs text-muted">Your only way to sign in</span>;
  return (
    <form action={formAction} className="flex flex-col items-end gap-2">
      {state.message && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <SubmitButton variant="ghost-danger" pendingLabel="Unlinking…" aria-label={`Unlink ${method.name}`}>
        Unlink
      </SubmitButton>
    </form>
  );
}

/** How this person can sign in: password and each provider, linked or not; never lets the last one go. */
export function SignInMethods({ password, methods, linkAction, unlinkAction }: Props) {
  const count = methods.filter((m) => m.linked).length + (password ? 1 : 0);
  return (
    <ul className="divide-y divide-line rounded-md border border-line" aria-label="Your sign-in methods">
      {password === null ? null : (
        <li className="flex flex-wrap items-center gap-3 px-3 py-2" data-testid="sign-in-method" data-method="password">
          <div className="min-w-0 flex-1">
            <p className="font-medium">Password</p>
            <p className="text-xs text-muted">{password ? "Set" : "Not set"}</p>
          </div>
        </li>
      )}
      {methods.map((m) => (
        <li key={m.id} className="flex flex-wrap items-center gap-3 px-3 py-2" data-testid="sign-in-method" data-method={m.id}>
          <div className="min-w-0 flex-1">
            <p className="font-medium">{m.name}</p>
            <p className="text-xs text-muted">{m.linked ? "Linked" : "Not linked"}</p>
          </div>
          {m.linked ? (
            <UnlinkButton method={m} action={unlinkAction} only={count <= 1} />
          ) : (
            <form action={linkAction}>
              <input type="hidden" name="provider" value={m.id} />
              <SubmitButton variant="secondary" pendingLabel={`Opening ${m.name}…`} aria-label={`Link ${m.name}`}>
                Link
              </SubmitButton>
            </form>
          )}
        </li>
      ))}
    </ul>
  );
}

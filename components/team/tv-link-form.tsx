"use client";

import { useActionState } from "react";
import type { TvLinkState } from "@/lib/validation/team";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";

type Action = (prev: TvLinkState) => Promise<TvLinkState>;

/** TV mode: open it here, or make a secret read-only link for an office screen (shown once, revocable). */
export function TvLinkForm({ slug, hasLink, create, revoke }: { slug: string; hasLink: boolean; create: Action; revoke: Action }) {
  const [created, createAction] = useActionState(create, {});
  const [revoked, revokeAction] = useActionState(revoke, {});
  const active = created.link ? true : revoked.revoked ? false : hasLink;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        <ButtonLink href={`/tv/team/${slug}`} variant="secondary" target="_blank">
          Open TV mode
        </ButtonLink>
        <form action={createAction}>
          <SubmitButton variant="secondary" pendingLabel="Creating…">
            {active ? "Replace secret TV link" : "Create secret TV link"}
          </SubmitButton>
        </form>
        {active ? (
          <form action={revokeAction}>
            <SubmitButton variant="ghost-danger" pendingLabel="Revoking…">
              Revoke TV link
            </SubmitButton>
          </form>
        ) : null}
      </div>
      <p className="text-sm text-muted" aria-live="polite">
        {active ? "A secret TV link is active: anyone with it sees the board, read-only." : "No secret TV link is active."}
      </p>
      {created.link && !revoked.revoked ? (
        <Alert tone="success" title="Secret TV link">
          <p className="mb-2">Open it on the office screen. It is shown only now; replacing or revoking it stops the old one.</p>
          <input readOnly aria-label="TV link" value={created.link} onFocus={(e) => e.currentTarget.select()} className="min-h-10 w-full rounded-md border border-line bg-surface px-3 font-mono text-xs" />
        </Alert>
      ) : null}
    </div>
  );
}

"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { RemindState } from "@/lib/validation/dashboard";
import type { FormAction } from "@/lib/validation/action-state";

type Action = FormAction<RemindState>;

/** What shows instead of a Remind button once a reminder is queued. */
export function ReminderPending({ label }: { label: string }) {
  return <span className="rounded-full border border-warn/40 bg-warn-soft px-2 py-0.5 text-xs font-semibold">{label}</span>;
}

/** A remind form's outcome, announced politely; rendered empty (and hidden) before there is one. */
export function RemindMessage({ state }: { state: RemindState | undefined }) {
  return (
    <p aria-live="polite" className={`text-xs empty:hidden ${state?.ok ? "text-up" : "text-danger"}`}>
      {state?.message}
    </p>
  );
}

/**
 * Queues a reminder email for everyone listed ("Remind all") and says what happened. Once queued (`done`), it
 * shows `doneLabel` instead of the button; the form stays mounted so its message stays visible. (The list's
 * per-person buttons share one form: MissingRows.)
 */
export function RemindButton({
  action,
  slug,
  userIds,
  label,
  done = false,
  doneLabel = "Reminder pending",
  variant = "secondary",
}: {
  action: Action;
  /** The team: the action reads it from the form. */
  slug: string;
  userIds: string[];
  label: string;
  done?: boolean;
  doneLabel?: string;
  variant?: "primary" | "secondary";
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      <input type="hidden" name="slug" value={slug} />
      {userIds.map((id) => (
        <input key={id} type="hidden" name="userId" value={id} />
      ))}
      {done ? (
        <ReminderPending label={doneLabel} />
      ) : (
        <SubmitButton variant={variant} className="min-h-9 px-3 py-1" pendingLabel="Queuing…">
          {label}
        </SubmitButton>
      )}
      <RemindMessage state={state} />
    </form>
  );
}

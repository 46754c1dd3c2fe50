"use client";

import Link from "next/link";
import { useActionState, useId, useState } from "react";
import { memberHref } from "./format";
import { remindOutcomes, type RemindState } from "@/lib/validation/dashboard";
import { RemindMessage, ReminderPending } from "./remind-button";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/validation/action-state";

/** Rows shown before "Show all": on a large team the list runs to hundreds, and "Remind all" is what most want. */
export const MISSING_ROWS_SHOWN = 10;

/** A member without a score this week: id, name, when they last recorded one, and whether a reminder is queued. */
export type MissingRow = { id: string; name: string; last: string; pending: boolean; you: boolean };

/**
 * The not-submitted list's rows. A client component fed compact rows: on a large team the list runs to hundreds
 * of people, and the page's payload then carries their data instead of every row's markup. The rows' Remind
 * buttons share one form (the pressed button posts its `userId`): React encodes a form's server action once per
 * form, and a form per row cost the page a streamed fragment and render work per person. Past MISSING_ROWS_SHOWN
 * rows the rest are rendered when asked for ("Show all"), in the browser, from the same rows.
 */
export function MissingRows({
  rows,
  slug,
  remind,
}: {
  rows: MissingRow[];
  slug: string;
  remind: FormAction<RemindState>;
}) {
  const [state, formAction] = useActionState(remind, {});
  // Each row keeps its latest outcome while other rows are reminded (derived from the action's state as it changes).
  const [outcomes, setOutcomes] = useState(() => ({ state, byMember: remindOutcomes({}, state) }));
  if (outcomes.state !== state) setOutcomes({ state, byMember: remindOutcomes(outcomes.byMember, state) });
  const [all, setAll] = useState(false);
  const listId = useId();
  const shown = all ? rows : rows.slice(0, MISSING_ROWS_SHOWN);
  return (
    <form action={formAction}>
      <input type="hidden" name="slug" value={slug} />
      {state.userIds?.length ? null : <RemindMessage state={state} />}
      <ul id={listId} className="flex flex-col divide-y divide-line">
        {shown.map((m) => {
          const outcome = outcomes.byMember[m.id];
          return (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm" data-testid="missing-row" data-member-name={m.name}>
              <span className="min-w-0">
                <Link href={memberHref(slug, m.id)} className="font-medium">
                  {m.name}
                </Link>
                <span className="block text-xs text-muted">{m.last}</span>
              </span>
              {m.you ? (
                <span className="text-xs text-muted">(you)</span>
              ) : (
                <div className="flex flex-col items-end gap-1">
                  {m.pending || outcome?.ok ? (
                    <ReminderPending label="Reminder pending" />
                  ) : (
                    <SubmitButton variant="secondary" className="min-h-9 px-3 py-1" pendingLabel="Queuing…" name="userId" value={m.id}>
                      Remind<span className="sr-only"> {m.name}</span>
                    </SubmitButton>
                  )}
                  <RemindMessage state={outcome} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {rows.length > MISSING_ROWS_SHOWN ? (
        <Button type="button" variant="ghost" className="mt-2 min-h-9 w-full px-3 py-1" aria-expanded={all} aria-controls={listId} onClick={() => setAll(!all)}>
          {all ? "Show fewer" : `Show all ${rows.length}`}
        </Button>
      ) : null}
    </form>
  );
}

"use client";

import Link from "next/link";
import { memberHref } from "./format";
import type { RemindState } from "@/lib/validation/dashboard";
import { RemindButton } from "./remind-button";
import type { FormAction } from "@/lib/validation/action-state";

/** A member without a score this week: id, name, when they last recorded one, and whether a reminder is queued. */
export type MissingRow = { id: string; name: string; last: string; pending: boolean; you: boolean };

/**
 * The not-submitted list's rows. A client component fed compact rows: on a large team the list runs to hundreds
 * of people, and the page's payload then carries their data instead of every row's markup.
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
  return (
    <ul className="flex flex-col divide-y divide-line">
      {rows.map((m) => (
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
            <RemindButton action={remind} slug={slug} userIds={[m.id]} label="Remind" srLabel={m.name} done={m.pending} />
          )}
        </li>
      ))}
    </ul>
  );
}

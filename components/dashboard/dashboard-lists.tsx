import Link from "next/link";
import type { MemberNow } from "@/db/queries/dashboard";
import type { CoachingEntry } from "@/lib/team-coaching";
import { daysBetween, freshnessLabel } from "@/lib/dates";
import { COMPONENT_LABELS } from "@/lib/ssi";
import { Card } from "@/components/ui/card";
import { signed } from "@/lib/format";
import { memberHref } from "./format";
import { MissingRows } from "./missing-rows";
import type { RemindState } from "@/lib/validation/dashboard";
import { RemindButton } from "./remind-button";
import type { FormAction } from "@/lib/validation/action-state";


export function ImproversList({ improvers, slug }: { improvers: MemberNow[]; slug: string }) {
  return (
    <Card aria-labelledby="improvers-title" data-testid="improvers">
      <h2 id="improvers-title" className="text-base font-semibold">Top improvers</h2>
      <p className="mb-3 text-xs text-muted">SSI change over the last 4 weeks.</p>
      {improvers.length === 0 ? (
        <p className="text-sm text-muted">Nobody has risen over the last 4 weeks yet.</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {improvers.map((m, i) => (
            <li key={m.userId} className="flex items-center justify-between gap-2 text-sm">
              <span className="min-w-0 truncate">
                <span className="text-muted tabular-nums">{i + 1}.</span> <Link href={memberHref(slug, m.userId)}>{m.name}</Link>
              </span>
              <span className="font-semibold text-up tabular-nums">
                <span aria-hidden>▲</span> {signed(m.change4w)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

export function CoachingList({ entries, slug }: { entries: CoachingEntry[]; slug: string }) {
  const shown = entries.slice(0, 12);
  return (
    <Card aria-labelledby="coaching-title" data-testid="coaching">
      <h2 id="coaching-title" className="text-base font-semibold">Who needs coaching</h2>
      <p className="mb-3 text-xs text-muted">Each member&apos;s weakest pillar against the team median, furthest behind first.</p>
      {shown.length === 0 ? (
        <p className="text-sm text-muted">Nobody is below the team median on any pillar, or nobody has a fresh score yet.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line">
          {shown.map((e) => (
            <li key={e.userId} className="py-2 text-sm" data-testid="coaching-row" data-member-name={e.name}>
              <p className="flex flex-wrap items-baseline justify-between gap-x-2">
                <Link href={memberHref(slug, e.userId)} className="font-medium">{e.name}</Link>
                <span className="text-xs">
                  {COMPONENT_LABELS[e.component].short} <span className="font-semibold text-down tabular-nums">{signed(e.gap)}</span> vs median
                </span>
              </p>
              <p className="text-xs text-muted">{e.advice}</p>
            </li>
          ))}
        </ul>
      )}
      {entries.length > shown.length ? <p className="mt-2 text-xs text-muted">and {entries.length - shown.length} more.</p> : null}
    </Card>
  );
}

export function NotSubmittedList({
  members,
  pending,
  today,
  slug,
  remind,
  viewerId,
}: {
  viewerId: string;
  members: MemberNow[];
  pending: Set<string>;
  today: string;
  slug: string;
  remind: FormAction<RemindState>;
}) {
  const others = members.filter((m) => m.userId !== viewerId);
  const remindable = others.filter((m) => !pending.has(m.userId)).map((m) => m.userId);
  return (
    <Card aria-labelledby="missing-title" data-testid="not-submitted">
      <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id="missing-title" className="text-base font-semibold">Not submitted this week</h2>
          <p className="text-xs text-muted">Reminders go out by email; one per person per week.</p>
        </div>
        {others.length > 1 ? (
          <RemindButton action={remind} slug={slug} userIds={remindable} label="Remind all" variant="primary" done={remindable.length === 0} doneLabel="Everyone reminded" />
        ) : null}
      </div>
      {members.length === 0 ? (
        <p className="text-sm text-muted">Everyone has recorded a score this week.</p>
      ) : (
        <MissingRows
          slug={slug}
          remind={remind}
          rows={members.map((m) => ({
            id: m.userId,
            name: m.name,
            last: m.measuredOn ? `last score ${freshnessLabel(daysBetween(m.measuredOn, today))}` : "no score yet",
            pending: pending.has(m.userId),
            you: m.userId === viewerId,
          }))}
        />
      )}
    </Card>
  );
}

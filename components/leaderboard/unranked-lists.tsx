import Link from "next/link";
import type { ReactNode } from "react";
import type { BoardEntry } from "@/db/queries/leaderboard-types";
import { freshnessLabel } from "@/lib/dates";
import { formatDate, formatScore } from "@/lib/format";
import { YouBadge } from "./you-badge";

function lastSubmitted(daysAgo: number): string {
  // Exact days near the staleness window read better than "2 weeks ago"; far back, the rounded label.
  return daysAgo < 60 ? `${daysAgo} days ago` : freshnessLabel(daysAgo);
}

const BADGE = {
  warn: "bg-warn-soft text-warn ring-warn/30",
  plain: "bg-raised text-muted ring-line",
};

type SectionProps = {
  id: string;
  title: string;
  badge: string;
  tone: keyof typeof BADGE;
  intro: string;
  children: ReactNode;
};

function Section({ id, title, badge, tone, intro, children }: SectionProps) {
  return (
    <section
      aria-labelledby={id}
      className="overflow-hidden rounded-lg border border-line bg-surface shadow-sm"
    >
      <header className="border-b border-line bg-raised px-4 py-3">
        <h2 id={id} className="flex flex-wrap items-center gap-2 text-base font-semibold">
          {title}
          <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${BADGE[tone]}`}>
            {badge}
          </span>
        </h2>
        <p className="mt-1 text-sm text-muted">{intro}</p>
      </header>
      <ul className="divide-y divide-line">{children}</ul>
    </section>
  );
}

const row = (viewer: boolean) => `flex items-center gap-3 px-4 py-3 ${viewer ? "bg-brand-soft" : ""}`;

/** Members whose latest score is older than the staleness window: listed with it, not ranked. */
export function StaleList({
  entries,
  staleDays,
  submitHref,
}: {
  entries: BoardEntry[];
  staleDays: number;
  submitHref: string;
}) {
  return (
    <Section
      id="board-stale"
      title={`Not ranked: scores older than ${staleDays} days`}
      badge={`${entries.length} stale`}
      tone="warn"
      intro="A fresh score puts them back on the board."
    >
      {entries.map((e) => (
        <li key={e.userId} data-testid="board-stale" data-user-name={e.name} className={row(e.isViewer)}>
          <div className="min-w-0 flex-1">
            <p className="flex items-center gap-2 font-medium">
              <span className="truncate">{e.name}</span>
              {e.isViewer ? <YouBadge /> : null}
            </p>
            <p className="text-xs text-muted">
              {e.daysAgo == null ? "No date" : "last submitted "}
              {e.daysAgo != null ? (
                <time
                  dateTime={e.measuredOn ?? undefined}
                  title={e.measuredOn ? formatDate(e.measuredOn) : undefined}
                >
                  {lastSubmitted(e.daysAgo)}
                </time>
              ) : null}
              {e.isViewer ? (
                <>
                  {" · "}
                  <Link href={submitHref} className="font-semibold">
                    Submit a fresh score
                  </Link>
                </>
              ) : null}
            </p>
          </div>
          <p className="shrink-0 text-right leading-tight">
            <span className="block font-semibold tabular-nums text-muted">
              {e.total == null ? "—" : formatScore(e.total, 1)}
            </span>
            <span className="block text-xs text-muted">last SSI</span>
          </p>
        </li>
      ))}
    </Section>
  );
}

/** Members with no score at or before the board's date. */
export function NeverList({ entries, submitHref }: { entries: BoardEntry[]; submitHref: string }) {
  return (
    <Section
      id="board-never"
      title="No score yet"
      badge={`${entries.length} waiting`}
      tone="plain"
      intro="Once they record their SSI, they join the ranking."
    >
      {entries.map((e) => (
        <li key={e.userId} data-testid="board-never" data-user-name={e.name} className={row(e.isViewer)}>
          <span
            aria-hidden="true"
            className="flex size-8 shrink-0 items-center justify-center rounded-full bg-raised text-xs font-semibold text-muted ring-1 ring-line"
          >
            {initials(e.name)}
          </span>
          <div className="min-w-0 flex-1">
            <p className="flex items-center gap-2 font-medium">
              <span className="truncate">{e.name}</span>
              {e.isViewer ? <YouBadge /> : null}
            </p>
            {e.isViewer ? (
              <p className="text-xs">
                <Link href={submitHref} className="font-semibold">
                  Record your SSI
                </Link>{" "}
                <span className="text-muted">to join the ranking.</span>
              </p>
            ) : (
              <p className="text-xs text-muted">Hasn&apos;t recorded an SSI yet</p>
            )}
          </div>
        </li>
      ))}
    </Section>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? "?";
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase();
}

/**
 * Ranked by a component: members with a fresh score who hide their breakdown from teammates. Ranking them would
 * reveal the hidden value through their place, so they are listed with their total only.
 */
export function HiddenList({ entries, componentLabel }: { entries: BoardEntry[]; componentLabel: string }) {
  return (
    <Section
      id="board-hidden"
      title={`Not ranked by ${componentLabel}`}
      badge={`${entries.length} hidden`}
      tone="plain"
      intro="These people show teammates only their total SSI, so they are left out of a ranking by one component. Managers see everyone."
    >
      {entries.map((e) => (
        <li key={e.userId} data-testid="board-hidden" data-user-name={e.name} className={row(false)}>
          <p className="min-w-0 flex-1 truncate font-medium">{e.name}</p>
          <p className="shrink-0 text-right leading-tight">
            <span className="block font-semibold tabular-nums">{e.total == null ? "—" : formatScore(e.total, 1)}</span>
            <span className="block text-xs text-muted">total SSI</span>
          </p>
        </li>
      ))}
    </Section>
  );
}

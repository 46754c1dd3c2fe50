"use client";

import type { BoardEntry } from "@/db/queries/leaderboard-types";
import type { RankBy } from "@/lib/ranking";
import { freshnessLabel } from "@/lib/dates";
import { COMPONENT_LABELS } from "@/lib/ssi";
import { RankChange, ScoreChange } from "./change";
import { ComponentBars } from "./component-bars";
import { formatScore, rankedValueText } from "./format";
import { RankCell, YouBadge } from "./rank-cell";
import { HiddenNote } from "./hidden-note";

/** The ranked members as a list of cards (phone and small tablet). Items carry data-testid="board-card". */
export function RankedCards({ entries, by, tied }: { entries: BoardEntry[]; by: RankBy; tied: Set<number> }) {
  const byTotal = by === "total";
  return (
    <ol className="grid grid-cols-1 gap-3 sm:grid-cols-2" aria-label="Ranked members">
      {entries.map((e) => (
        <li
          key={e.userId}
          data-testid="board-card"
          data-user-name={e.name}
          data-rank={e.rank ?? undefined}
          aria-current={e.isViewer ? "true" : undefined}
          className={`min-w-0 rounded-lg border p-4 shadow-sm ${e.isViewer ? "border-brand/40 bg-brand-soft" : "border-line bg-surface"}`}
        >
          <div className="flex items-center gap-3">
            <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-raised ring-1 ring-line">
              <RankCell rank={e.rank} tied={e.rank != null && tied.has(e.rank)} />
            </span>
            <p className="flex min-w-0 flex-1 flex-wrap items-center gap-x-2 font-semibold">
              <span className="min-w-0 break-words">{e.name}</span>
              {e.isViewer ? <YouBadge /> : null}
            </p>
            <p className="shrink-0 text-right leading-tight">
              <span className="block text-xl font-bold tabular-nums">{rankedValueText(e, by)}</span>
              <span className="block text-xs text-muted">{byTotal ? "SSI" : COMPONENT_LABELS[by].short}</span>
            </p>
          </div>
          {e.hidden ? (
            <p className="mt-3 text-xs text-muted">
              <HiddenNote name={e.name} />
            </p>
          ) : e.components ? (
            <div className="mt-3">
              <ComponentBars components={e.components} highlight={byTotal ? undefined : by} />
            </div>
          ) : null}
          <p className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-line pt-2 text-xs text-muted">
            <span className="inline-flex items-center gap-1">
              Rank <RankChange change={e.rankChange} />
            </span>
            <span className="inline-flex items-center gap-1">
              SSI <ScoreChange change={e.totalChange} />
            </span>
            {!byTotal && e.total != null ? (
              <span className="tabular-nums">Total {formatScore(e.total, 1)}</span>
            ) : null}
            {e.daysAgo != null ? <span className="ml-auto">Updated {freshnessLabel(e.daysAgo)}</span> : null}
          </p>
        </li>
      ))}
    </ol>
  );
}

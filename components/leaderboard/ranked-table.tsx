"use client";

import type { BoardEntry } from "@/db/queries/leaderboard-types";
import type { RankBy } from "@/lib/ranking";
import { freshnessLabel } from "@/lib/dates";
import { COMPONENT_LABELS, COMPONENTS, type Component } from "@/lib/ssi";
import { RankChange, ScoreChange } from "./change";
import { ComponentBar } from "./component-bars";
import { formatDate, formatScore, rankByLabel } from "./format";
import { HiddenNote } from "./hidden-note";
import { RankCell, YouBadge } from "./rank-cell";

const th = "px-2.5 py-2.5 text-left align-bottom text-xs font-semibold text-muted";
const td = "px-2.5 py-3 align-middle";
const ranked = "bg-brand-soft text-fg";
// Every component column has the same bar length so pillars compare at a glance; the ranked one also shows its number.
const col = (active: boolean) => (active ? "w-36" : "w-24");

function ComponentHeader({ c, by }: { c: Component; by: RankBy }) {
  const active = c === by;
  return (
    <th
      scope="col"
      aria-sort={active ? "descending" : undefined}
      className={`${th} ${active ? ranked : ""}`}
      title={COMPONENT_LABELS[c].linkedIn}
    >
      <span aria-hidden="true">{COMPONENT_LABELS[c].short}</span>
      <span className="sr-only">{COMPONENT_LABELS[c].linkedIn}</span>
      {active ? <span aria-hidden="true"> ▾</span> : null}
    </th>
  );
}

/** The ranked members as a table (tablet and desktop). Rows carry data-testid="board-row" for tests. */
export function RankedTable({
  entries,
  by,
  tied,
  teamName,
}: {
  entries: BoardEntry[];
  by: RankBy;
  tied: Set<number>;
  teamName: string;
}) {
  const byTotal = by === "total";
  return (
    <table className="w-full table-fixed border-collapse text-sm">
      <caption className="sr-only">
        {teamName}: ranked members by {rankByLabel(by)}, with changes since a week earlier
      </caption>
      <colgroup>
        <col className="w-14" />
        <col />
        <col className="w-24" />
        {COMPONENTS.map((c) => (
          <col key={c} className={col(c === by)} />
        ))}
        <col className="w-20" />
        <col className="w-20" />
        <col className="w-28" />
      </colgroup>
      <thead className="border-b border-line bg-raised">
        <tr>
          <th scope="col" className={`${th} text-right`}>
            Rank
          </th>
          <th scope="col" className={th}>
            Name
          </th>
          <th
            scope="col"
            aria-sort={byTotal ? "descending" : undefined}
            className={`${th} text-right ${byTotal ? ranked : ""}`}
          >
            Total SSI{byTotal ? <span aria-hidden="true"> ▾</span> : null}
          </th>
          {COMPONENTS.map((c) => (
            <ComponentHeader key={c} c={c} by={by} />
          ))}
          <th scope="col" className={`${th} text-right`}>
            Rank change
          </th>
          <th scope="col" className={`${th} text-right`}>
            SSI change
          </th>
          <th scope="col" className={th}>
            Updated
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr
            key={e.userId}
            data-testid="board-row"
            data-user-name={e.name}
            data-rank={e.rank ?? undefined}
            aria-current={e.isViewer ? "true" : undefined}
            className={`border-b border-line last:border-b-0 ${e.isViewer ? "bg-brand-soft" : "hover:bg-raised"}`}
          >
            <td className={`${td} text-right`} data-col="rank">
              <RankCell rank={e.rank} tied={e.rank != null && tied.has(e.rank)} />
            </td>
            <th scope="row" className={`${td} text-left font-semibold`} data-col="name">
              <span className="flex min-w-0 items-center gap-2">
                <span className="truncate" title={e.name}>
                  {e.name}
                </span>
                {e.isViewer ? <YouBadge /> : null}
              </span>
            </th>
            <td
              className={`${td} text-right tabular-nums ${byTotal ? `text-base font-bold ${e.isViewer ? "" : "bg-brand-soft/50"}` : "text-muted"}`}
              data-col="total"
            >
              {e.total == null ? "—" : formatScore(e.total, 1)}
            </td>
            {e.hidden ? (
              <td colSpan={COMPONENTS.length} className={`${td} text-center text-xs text-muted`} data-col="hidden">
                <HiddenNote name={e.name} />
              </td>
            ) : (
              COMPONENTS.map((c) => (
                <td
                  key={c}
                  className={`${td} ${c === by && !e.isViewer ? "bg-brand-soft/50" : ""}`}
                  data-col={c}
                >
                  {e.components ? (
                    <ComponentBar component={c} value={e.components[c]} showValue={c === by} />
                  ) : (
                    "—"
                  )}
                </td>
              ))
            )}
            <td className={`${td} text-right`} data-col="rank-change">
              <RankChange change={e.rankChange} />
            </td>
            <td className={`${td} text-right`} data-col="ssi-change">
              <ScoreChange change={e.totalChange} />
            </td>
            <td className={`${td} whitespace-nowrap text-muted`} data-col="freshness">
              {e.daysAgo == null ? (
                "—"
              ) : (
                <time
                  dateTime={e.measuredOn ?? undefined}
                  title={e.measuredOn ? formatDate(e.measuredOn) : undefined}
                >
                  {freshnessLabel(e.daysAgo)}
                </time>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

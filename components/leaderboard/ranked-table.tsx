"use client";

import type { BoardEntry } from "@/db/queries/leaderboard-types";
import type { RankBy } from "@/lib/ranking";
import { freshnessLabel } from "@/lib/dates";
import { COMPONENT_LABELS, COMPONENT_MAX, COMPONENTS, type Component } from "@/lib/ssi";
import { RankChange, ScoreChange } from "./change";
import { formatDate, formatScore } from "@/lib/format";
import { rankByLabel } from "./format";
import { HiddenNote } from "./hidden-note";
import { YouBadge } from "./you-badge";

/**
 * The ranked members: one table, laid out as a table from the lg breakpoint and as one card per person below it
 * (`.board` in app/globals.css). Cells are styled by their column (`data-col`) and the ranked-by column by the
 * table's `data-by`, so a row carries no class lists: a 1,000-member board is a lot of rows, and each byte of a
 * row is rendered, sent and parsed once per view. Rows carry data-testid="board-row" for tests.
 */
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
  return (
    <table className="board" data-by={by}>
      <caption className="sr-only">
        {teamName}: ranked members by {rankByLabel(by)}, with changes since a week earlier
      </caption>
      <thead>
        <tr>
          <th scope="col" data-col="rank">
            Rank
          </th>
          <th scope="col" data-col="name">
            Name
          </th>
          <th scope="col" data-col="total" aria-sort={by === "total" ? "descending" : undefined}>
            Total SSI{by === "total" ? <span aria-hidden="true"> ▾</span> : null}
          </th>
          {COMPONENTS.map((c) => (
            <th key={c} scope="col" data-col={c} aria-sort={c === by ? "descending" : undefined} title={COMPONENT_LABELS[c].linkedIn}>
              <span aria-hidden="true">{COMPONENT_LABELS[c].short}</span>
              <span className="sr-only">{COMPONENT_LABELS[c].linkedIn}</span>
              {c === by ? <span aria-hidden="true"> ▾</span> : null}
            </th>
          ))}
          <th scope="col" data-col="rank-change">
            Rank change
          </th>
          <th scope="col" data-col="ssi-change">
            SSI change
          </th>
          <th scope="col" data-col="freshness">
            Updated
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <Row key={e.userId} e={e} tied={e.rank != null && tied.has(e.rank)} />
        ))}
      </tbody>
    </table>
  );
}

function Row({ e, tied }: { e: BoardEntry; tied: boolean }) {
  return (
    <tr data-testid="board-row" data-user-name={e.name} data-rank={e.rank ?? undefined} aria-current={e.isViewer ? "true" : undefined}>
      <td data-col="rank" title={tied ? `Tied for #${e.rank}` : undefined}>
        {e.rank == null ? (
          "—"
        ) : (
          <>
            <span className="sr-only">Rank </span>
            {e.rank}
            {tied ? <span className="sr-only">, tied</span> : null}
          </>
        )}
      </td>
      <th scope="row" data-col="name">
        <span title={e.name}>{e.name}</span>
        {e.isViewer ? <YouBadge /> : null}
      </th>
      <td data-col="total">{e.total == null ? "—" : formatScore(e.total, 1)}</td>
      {e.hidden ? (
        <td colSpan={COMPONENTS.length} data-col="hidden">
          <HiddenNote name={e.name} />
        </td>
      ) : (
        COMPONENTS.map((c) => <PillarCell key={c} c={c} value={e.components?.[c]} />)
      )}
      <td data-col="rank-change">
        <RankChange change={e.rankChange} />
      </td>
      <td data-col="ssi-change">
        <ScoreChange change={e.totalChange} />
      </td>
      <td data-col="freshness">
        {e.daysAgo == null ? (
          "—"
        ) : (
          <time dateTime={e.measuredOn ?? undefined} title={e.measuredOn ? formatDate(e.measuredOn) : undefined}>
            {freshnessLabel(e.daysAgo)}
          </time>
        )}
      </td>
    </tr>
  );
}

/** A component's value beside a 0–25 bar (the bar is decoration: the number is the content). */
function PillarCell({ c, value }: { c: Component; value: number | undefined }) {
  if (value == null) return <td data-col={c}>—</td>;
  const width = Math.min(100, Math.max(0, (value / COMPONENT_MAX) * 100));
  return (
    <td data-col={c}>
      <span className="pv">
        <span style={{ "--w": `${width.toFixed(1)}%` } as React.CSSProperties} />
        {formatScore(value, 2)}
      </span>
    </td>
  );
}

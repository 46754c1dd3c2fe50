import type { BoardEntry } from "@/db/queries/leaderboard-types";
import type { RankBy } from "@/lib/ranking";
import { COMPONENT_LABELS, COMPONENTS } from "@/lib/ssi";
import { rankByLabel } from "./format";
import { rankedRowsHtml, type RowStore } from "./ranked-rows";

/**
 * The ranked members: one table, laid out as a table from the lg breakpoint and as one card per person below it
 * (`.board` in app/globals.css). Cells are styled by their column (`data-col`) and the ranked-by column by the
 * table's `data-by`, so a row carries no class lists: a 1,000-member board is a lot of rows, and each byte of a
 * row is rendered, sent and parsed once per view. Rows carry data-testid="board-row" for tests.
 *
 * The rows are HTML built as strings (./ranked-rows.ts), given to the body as one string: with `rows` (the page's
 * kept rows of this class of views) only rows not kept yet and the viewer's own are built.
 */
export function RankedTable({
  entries,
  by,
  tied,
  teamName,
  rows,
}: {
  entries: BoardEntry[];
  by: RankBy;
  tied: Set<number>;
  teamName: string;
  rows?: RowStore;
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
      <tbody dangerouslySetInnerHTML={{ __html: rankedRowsHtml(entries, tied, rows) }} />
    </table>
  );
}

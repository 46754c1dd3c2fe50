import type { BoardEntry } from "@/db/queries/leaderboard-types";
import { freshnessLabel } from "@/lib/dates";
import { COMPONENT_MAX, COMPONENTS } from "@/lib/ssi";
import { rankChangeView, scoreChangeView, type ChangeView } from "./change";
import { formatDate, formatScore } from "@/lib/format";
import { YOU_BADGE_CLASS } from "./you-badge";

/**
 * The ranked table's rows as HTML, built as strings: the same markup React rendered for them (real table rows,
 * styled by `data-col` as app/globals.css expects), at a fraction of the cost, and cacheable. The board page keeps
 * each row of a class of views (team, data version, date, ranking, whether hidden components are visible) and
 * renders only the viewer's own row per request (its "You" and aria-current), see app/(app)/t/[slug]/page.tsx.
 * Every text and attribute value is escaped: names are chosen by their owners.
 */
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
const attr = (name: string, value: string | number | null | undefined) => (value == null ? "" : ` ${name}="${escapeHtml(String(value))}"`);

function changeHtml(v: ChangeView): string {
  const arrow = v.arrow ? `<span aria-hidden="true"${attr("class", v.arrowClass)}>${v.arrow}</span>` : "";
  const sr = v.sr ? `<span class="sr-only">${escapeHtml(v.sr)}</span>` : "";
  return `<span${attr("class", v.className)}${attr("title", v.title)}>${arrow}${escapeHtml(v.text ?? "")}${sr}</span>`;
}

function pillarHtml(c: string, value: number | undefined): string {
  if (value == null) return `<td data-col="${c}">—</td>`;
  const width = Math.min(100, Math.max(0, (value / COMPONENT_MAX) * 100));
  return `<td data-col="${c}"><span class="pv"><span style="--w:${width.toFixed(1)}%"></span>${formatScore(value, 2)}</span></td>`;
}

/** One ranked member's row (data-testid="board-row"; the viewer's own row has aria-current and "You"). */
export function rankedRowHtml(e: BoardEntry, tied: boolean): string {
  const name = escapeHtml(e.name);
  const rank =
    e.rank == null ? "—" : `<span class="sr-only">Rank </span>${e.rank}${tied ? '<span class="sr-only">, tied</span>' : ""}`;
  const components = e.hidden
    ? `<td colspan="${COMPONENTS.length}" data-col="hidden"><span data-testid="components-hidden" title="Managers and owners still see the breakdown"><span aria-hidden="true">🔒 </span>Breakdown hidden by ${name}</span></td>`
    : COMPONENTS.map((c) => pillarHtml(c, e.components?.[c])).join("");
  const freshness =
    e.daysAgo == null
      ? "—"
      : `<time${attr("datetime", e.measuredOn)}${attr("title", e.measuredOn ? formatDate(e.measuredOn) : null)}>${escapeHtml(freshnessLabel(e.daysAgo))}</time>`;
  return (
    `<tr data-testid="board-row"${attr("data-user-name", e.name)}${attr("data-rank", e.rank)}${e.isViewer ? ' aria-current="true"' : ""}>` +
    `<td data-col="rank"${tied ? attr("title", `Tied for #${e.rank}`) : ""}>${rank}</td>` +
    `<th scope="row" data-col="name"><span title="${name}">${name}</span>${e.isViewer ? `<span class="${YOU_BADGE_CLASS}"> You</span>` : ""}</th>` +
    `<td data-col="total">${e.total == null ? "—" : formatScore(e.total, 1)}</td>` +
    components +
    `<td data-col="rank-change">${changeHtml(rankChangeView(e.rankChange))}</td>` +
    `<td data-col="ssi-change">${changeHtml(scoreChangeView(e.totalChange))}</td>` +
    `<td data-col="freshness">${freshness}</td>` +
    `</tr>`
  );
}

/**
 * Rows kept between requests, by person (db/queries/cache.ts keptTeamStrings): a row not kept yet is rendered and
 * added; the viewer's own row is always rendered for this request and never kept.
 */
export type RowStore = { get(id: string): string | undefined; add(id: string, html: string): void; commit(): void };

/** The rows of these entries, from `store` where it has them. */
export function rankedRowsHtml(entries: BoardEntry[], tied: Set<number>, store?: RowStore): string {
  let html = "";
  for (const e of entries) {
    const isTied = e.rank != null && tied.has(e.rank);
    if (!store || e.isViewer) {
      html += rankedRowHtml(e, isTied);
      continue;
    }
    let row = store.get(e.userId);
    if (row === undefined) {
      row = rankedRowHtml(e, isTied);
      store.add(e.userId, row);
    }
    html += row;
  }
  store?.commit();
  return html;
}

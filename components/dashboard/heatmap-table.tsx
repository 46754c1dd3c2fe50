"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { COMPONENT_LABELS, COMPONENT_MAX, COMPONENTS } from "@/lib/ssi";
import { memberHref } from "./format";

/** Rows the server renders; the scroll box shows about thirteen. */
export const HEATMAP_SERVER_ROWS = 20;
const noSubscription = () => () => {};

/** One member's row: id, name, the four components in COMPONENTS order, and the total. */
export type HeatmapRow = [userId: string, name: string, brand: number, people: number, insights: number, relationships: number, total: number];

/**
 * The heatmap's table. A client component fed compact rows: the page's payload carries seven values per member
 * instead of every cell's markup, and the cells are styled by `.heat` (app/globals.css) from a shade in `--p`.
 * The server renders the first HEATMAP_SERVER_ROWS (more than its scroll box shows) and the browser the rest
 * once the page is interactive: the table is in the dashboard's streamed Suspense boundary, which only script
 * shows anyway, and rendering a hundred rows of cells was a tenth of the page's server time.
 */
export function HeatmapTable({ rows, slug }: { rows: HeatmapRow[]; slug: string }) {
  const interactive = useSyncExternalStore(noSubscription, () => true, () => false);
  const shown = interactive ? rows : rows.slice(0, HEATMAP_SERVER_ROWS);
  return (
    <table className="heat">
      <caption className="sr-only">Current component scores per member</caption>
      <thead>
        <tr>
          <th scope="col">Member</th>
          {COMPONENTS.map((c) => (
            <th key={c} scope="col" title={COMPONENT_LABELS[c].linkedIn}>
              {COMPONENT_LABELS[c].short}
            </th>
          ))}
          <th scope="col">SSI</th>
        </tr>
      </thead>
      <tbody>
        {shown.map(([id, name, ...values]) => (
          <tr key={id}>
            <th scope="row">
              <Link href={memberHref(slug, id)}>{name}</Link>
            </th>
            {values.slice(0, 4).map((v, i) => {
              const pct = Math.round((v / COMPONENT_MAX) * 80) + 5;
              // At most 45 % of the brand colour, so the text (always --fg) keeps AA contrast in light and dark mode.
              return (
                <td key={i} className={pct > 50 ? "strong" : undefined} style={{ "--p": `${Math.round(pct * 0.45)}%` } as React.CSSProperties}>
                  {v.toFixed(1)}
                </td>
              );
            })}
            <td>{values[4]!.toFixed(1)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

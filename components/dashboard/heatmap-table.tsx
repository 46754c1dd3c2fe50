"use client";

import Link from "next/link";
import { COMPONENT_LABELS, COMPONENT_MAX, COMPONENTS } from "@/lib/ssi";
import { memberHref } from "./format";

/** One member's row: id, name, the four components in COMPONENTS order, and the total. */
export type HeatmapRow = [userId: string, name: string, brand: number, people: number, insights: number, relationships: number, total: number];

/**
 * The heatmap's table. A client component fed compact rows: the page's payload carries seven values per member
 * instead of every cell's markup, and the cells are styled by `.heat` (app/globals.css) from a shade in `--p`.
 */
export function HeatmapTable({ rows, slug }: { rows: HeatmapRow[]; slug: string }) {
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
        {rows.map(([id, name, ...values]) => (
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

"use client";

import { useState } from "react";
import { ScrollRegion } from "@/components/ui/scroll-region";

/**
 * The numbers behind a chart, in a table behind a "Show data table" toggle: the accessible alternative. A client
 * component fed plain rows: a 52-week dashboard has three of these tables, and as server markup the page's payload
 * carried every cell as an element (and the server serialised and streamed each), where now it carries the numbers.
 *
 * `lazy`: the table is rendered only once opened (the server sends its closed toggle and the numbers, not the
 * markup). Only for tables inside a streamed Suspense boundary, such as the dashboard's: that content is shown by
 * script anyway, so nobody without JavaScript loses the table.
 */
export function ChartDataTable({
  caption,
  columns,
  rows,
  lazy = false,
}: {
  caption: string;
  /** First the row header's title, then one per value column. */
  columns: string[];
  rows: { label: string; values: (string | number | null)[] }[];
  lazy?: boolean;
}) {
  const [opened, setOpened] = useState(!lazy);
  const open = () => setOpened(true);
  return (
    <details
      className="mt-3 text-sm"
      onToggle={opened ? undefined : (e) => e.currentTarget.open && open()}
      // Opened before the page was interactive: the toggle event came before React listened for it.
      ref={opened ? undefined : (el) => void (el?.open && open())}
    >
      <summary className="cursor-pointer text-brand">Show data table</summary>
      {opened ? (
        <ScrollRegion label={caption} className="mt-2 max-h-80 rounded-md border border-line">
          <table className="w-full text-sm">
            <caption className="sr-only">{caption}</caption>
            <thead className="sticky top-0 bg-raised text-left text-xs text-muted">
              <tr>
                {columns.map((c, i) => (
                  <th key={c} scope="col" className={`px-3 py-2 ${i ? "text-right" : ""}`}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label} className="border-t border-line">
                  <th
                    scope="row"
                    className="whitespace-nowrap px-3 py-1.5 text-left font-medium tabular-nums"
                  >
                    {r.label}
                  </th>
                  {r.values.map((v, i) => (
                    <td key={i} className="px-3 py-1.5 text-right tabular-nums">
                      {v === null ? "—" : typeof v === "number" ? v.toFixed(1) : v}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
    </details>
  );
}

import Link from "next/link";
import type { MemberNow } from "@/db/queries/dashboard";
import { COMPONENT_LABELS, COMPONENT_MAX, COMPONENTS } from "@/lib/ssi";

/** Rows shown at most: past that the table is megabytes of markup nobody scrolls through (the CSV has everyone). */
export const HEATMAP_MAX_ROWS = 100;

/** Members × components, each cell shaded by its score (the number is always shown, never colour alone). */
export function PillarHeatmap({ members, slug }: { members: MemberNow[]; slug: string }) {
  const allScored = members.filter((m) => m.status === "fresh" && m.components);
  const scored = allScored.slice(0, HEATMAP_MAX_ROWS);
  return (
    <figure aria-labelledby="heatmap-title" className="min-w-0 rounded-lg border border-line bg-surface p-4 shadow-sm sm:p-5" data-testid="chart-heatmap">
      <h2 id="heatmap-title" className="text-base font-semibold">
        Pillars by member
      </h2>
      <figcaption className="mb-3 text-xs text-muted">Each member&apos;s current components (0–25); darker is stronger. Members with a fresh score only.</figcaption>
      {scored.length === 0 ? (
        <p className="flex h-32 items-center justify-center rounded-md border border-dashed border-line text-sm text-muted">No fresh scores yet.</p>
      ) : (
        <div className="max-h-[28rem] overflow-auto">
          <table className="w-full border-separate border-spacing-1 text-sm">
            <caption className="sr-only">Current component scores per member</caption>
            <thead className="sticky top-0 bg-surface text-xs text-muted">
              <tr>
                <th scope="col" className="px-2 py-1 text-left">Member</th>
                {COMPONENTS.map((c) => (
                  <th key={c} scope="col" className="px-2 py-1 text-center" title={COMPONENT_LABELS[c].linkedIn}>
                    {COMPONENT_LABELS[c].short}
                  </th>
                ))}
                <th scope="col" className="px-2 py-1 text-right">SSI</th>
              </tr>
            </thead>
            <tbody>
              {scored.map((m) => (
                <tr key={m.userId}>
                  <th scope="row" className="max-w-40 truncate px-2 py-1 text-left font-medium">
                    <Link href={`/t/${slug}/members/${m.userId}`}>{m.name}</Link>
                  </th>
                  {COMPONENTS.map((c) => {
                    const v = m.components![c];
                    const pct = Math.round((v / COMPONENT_MAX) * 80) + 5;
                    return (
                      <td
                        key={c}
                        className={`rounded px-2 py-1.5 text-center tabular-nums text-fg ${pct > 50 ? "font-semibold" : ""}`}
                        // At most 45% of the brand colour, so the text (always --fg) keeps AA contrast in light and dark mode.
                        style={{ background: `color-mix(in oklab, var(--brand) ${Math.round(pct * 0.45)}%, var(--surface))` }}
                      >
                        {v.toFixed(1)}
                      </td>
                    );
                  })}
                  <td className="px-2 py-1 text-right font-semibold tabular-nums">{m.total!.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {allScored.length > scored.length ? (
        <p className="mt-2 text-xs text-muted" data-testid="heatmap-more">
          The {scored.length} highest totals of {allScored.length} members with a fresh score; everyone&apos;s figures are in the CSV export.
        </p>
      ) : null}
    </figure>
  );
}

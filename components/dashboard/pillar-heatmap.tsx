import type { MemberNow } from "@/db/queries/dashboard";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { HeatmapTable, type HeatmapRow } from "./heatmap-table";

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
        <ScrollRegion label="Pillars by member table" className="max-h-[28rem]">
          <HeatmapTable
            slug={slug}
            rows={scored.map((m) => {
              const c = m.components!;
              return [m.userId, m.name, c.brand, c.people, c.insights, c.relationships, m.total!] satisfies HeatmapRow;
            })}
          />
        </ScrollRegion>
      )}
      {allScored.length > scored.length ? (
        <p className="mt-2 text-xs text-muted" data-testid="heatmap-more">
          The {scored.length} highest totals of {allScored.length} members with a fresh score; everyone&apos;s figures are in the CSV export.
        </p>
      ) : null}
    </figure>
  );
}

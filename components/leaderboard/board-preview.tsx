import { COMPONENTS } from "@/lib/ssi";
import { RankChange } from "./change";
import { ComponentBar } from "./component-bars";

const SAMPLE = [
  { name: "Maya Larsen", total: 82.4, change: 2, c: [22.1, 19.8, 20.3, 20.2] },
  { name: "Jonas Nguyen", total: 78.9, change: -1, c: [21.4, 18.2, 19.9, 19.4] },
  { name: "You", total: 74.6, change: 3, c: [19.7, 17.9, 18.4, 18.6], you: true },
  { name: "Chloe Okafor", total: 71.2, change: 0, c: [20.2, 16.1, 17.5, 17.4] },
] as const;

/** An illustration of the board for the landing page, made of the real components (sample names). */
export function BoardPreview() {
  return (
    <figure className="overflow-hidden rounded-xl border border-line bg-surface shadow-lg">
      <div className="flex items-center justify-between border-b border-line px-4 py-3">
        <span className="font-semibold">Acme Sales · leaderboard</span>
        <span className="rounded-full bg-brand-soft px-2 py-0.5 text-xs font-semibold text-brand">You are #3 of 12</span>
      </div>
      <ol className="divide-y divide-line" aria-label="Sample leaderboard">
        {SAMPLE.map((row, i) => (
          <li key={row.name} className={`grid grid-cols-[1.5rem_1fr_auto] items-center gap-3 px-4 py-3 ${"you" in row ? "bg-brand-soft" : ""}`}>
            <span className="text-right font-bold tabular-nums text-muted">{i + 1}</span>
            <span className="min-w-0">
              <span className="block truncate font-medium">{row.name}</span>
              <span className="mt-1 grid grid-cols-4 gap-1.5">
                {COMPONENTS.map((c, k) => (
                  <ComponentBar key={c} component={c} value={row.c[k]!} />
                ))}
              </span>
            </span>
            <span className="flex flex-col items-end">
              <span className="text-lg font-bold tabular-nums">{row.total.toFixed(1)}</span>
              <RankChange change={row.change} />
            </span>
          </li>
        ))}
      </ol>
      <figcaption className="sr-only">An example leaderboard: four people ranked by their SSI, with their four components and rank changes.</figcaption>
    </figure>
  );
}

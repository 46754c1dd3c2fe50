import type { TeamHeadline } from "@/db/queries/dashboard";
import { percent, signed } from "@/lib/format";

function Tile({ label, value, note, testId }: { label: string; value: string; note: string; testId: string }) {
  return (
    <div className="rounded-lg border border-line bg-surface p-4 shadow-sm" data-testid={testId}>
      <dt className="text-xs font-semibold uppercase tracking-wide text-muted">{label}</dt>
      <dd className="mt-1">
        <span className="text-2xl font-bold tabular-nums sm:text-3xl">{value}</span>
        <p className="mt-1 text-xs text-muted">{note}</p>
      </dd>
    </div>
  );
}

const change = (now: number | null, v: number | null) =>
  now === null ? "No fresh scores yet" : v === null ? "No scores to compare 4 weeks ago" : `${signed(v)} over 4 weeks`;

/** The four headline figures: average, median, participation this week, and who is stale or missing. */
export function HeadlineTiles({ h }: { h: TeamHeadline }) {
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" aria-label="Headline figures">
      <Tile testId="tile-average" label="Team average" value={h.average === null ? "—" : h.average.toFixed(1)} note={change(h.average, h.averageChange)} />
      <Tile testId="tile-median" label="Team median" value={h.median === null ? "—" : h.median.toFixed(1)} note={change(h.median, h.medianChange)} />
      <Tile
        testId="tile-submitted"
        label="Submitted this week"
        value={`${percent(h.submittedThisWeek, h.memberCount)}%`}
        note={`${h.submittedThisWeek} of ${h.memberCount} members since ${h.thisWeekStart}`}
      />
      <Tile testId="tile-missing" label="Stale / never" value={`${h.staleCount} / ${h.neverCount}`} note="Old scores, and members with no score yet" />
    </dl>
  );
}

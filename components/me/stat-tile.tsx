import type { ReactNode } from "react";

/** One figure on the personal page. */
export function StatTile({ label, children, note, testId }: { label: string; children: ReactNode; note?: ReactNode; testId?: string }) {
  return (
    <div className="rounded-lg border border-line bg-surface p-4 shadow-sm" data-testid={testId}>
      <dt className="text-xs font-semibold uppercase tracking-wide text-muted">{label}</dt>
      <dd className="mt-1">
        {children}
        {note ? <p className="mt-1 text-xs text-muted">{note}</p> : null}
      </dd>
    </div>
  );
}

export const bigNumber = "text-2xl font-bold tabular-nums sm:text-3xl";

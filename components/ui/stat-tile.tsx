import type { ReactNode } from "react";

type StatTileProps = {
  label: string;
  children: ReactNode;
  note?: ReactNode;
  /** "brand" marks the viewer's own figure (the board's "Your rank"). */
  tone?: "plain" | "brand";
  className?: string;
  testId?: string;
};

/** One figure in a row of tiles (a `<dl>`): the board's summary and the personal page. */
export function StatTile({ label, children, note, tone = "plain", className = "", testId }: StatTileProps) {
  const colours = tone === "brand" ? "border-brand/30 bg-brand-soft" : "border-line bg-surface";
  return (
    <div className={`rounded-lg border p-4 shadow-sm ${colours} ${className}`} data-testid={testId}>
      <dt className="text-xs font-semibold uppercase tracking-wide text-muted">{label}</dt>
      <dd className="mt-1">
        {children}
        {note ? <p className="mt-1 text-xs text-muted">{note}</p> : null}
      </dd>
    </div>
  );
}

/** The large figure inside a tile. */
export const bigNumber = "text-2xl font-bold tabular-nums sm:text-3xl";

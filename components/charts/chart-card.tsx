import type { ReactNode } from "react";

/** A titled chart block with a caption, an empty state and room for the data table. */
export function ChartCard({
  id,
  title,
  caption,
  empty,
  emptyText = "No scores yet this period.",
  children,
  table,
}: {
  id: string;
  title: string;
  caption: ReactNode;
  empty: boolean;
  emptyText?: string;
  children: ReactNode;
  table: ReactNode;
}) {
  return (
    <figure aria-labelledby={`${id}-title`} className="flex min-w-0 flex-col rounded-lg border border-line bg-surface p-4 shadow-sm sm:p-5" data-testid={`chart-${id}`}>
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {title}
      </h2>
      <figcaption className="mb-3 text-xs text-muted">{caption}</figcaption>
      {empty ? (
        <p className="flex h-48 items-center justify-center rounded-md border border-dashed border-line text-sm text-muted">{emptyText}</p>
      ) : (
        children
      )}
      {table}
    </figure>
  );
}

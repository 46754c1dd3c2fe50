/** The rank number; a shared rank says "tied" to screen readers and on hover, and shows the same number. */
export function RankCell({
  rank,
  tied,
  className = "",
}: {
  rank: number | null;
  tied: boolean;
  className?: string;
}) {
  if (rank == null) return <span className="text-muted">—</span>;
  return (
    <span className={`font-bold tabular-nums ${className}`} title={tied ? `Tied for #${rank}` : undefined}>
      <span className="sr-only">Rank </span>
      {rank}
      {tied ? <span className="sr-only">, tied</span> : null}
    </span>
  );
}

/** Marks the signed-in person's own row. */
export function YouBadge() {
  return (
    <span className="inline-flex shrink-0 rounded-full bg-brand px-2 py-0.5 text-xs font-semibold text-on-brand">
      {/* The space keeps "Name You" apart in text content; inline-flex drops it on screen. */} You
    </span>
  );
}

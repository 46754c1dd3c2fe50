/** Marks the signed-in person's own row. */
export function YouBadge() {
  return (
    <span className="inline-flex shrink-0 rounded-full bg-brand px-2 py-0.5 text-xs font-semibold text-on-brand">
      {/* The space keeps "Name You" apart in text content; inline-flex drops it on screen. */} You
    </span>
  );
}

/** The badge's classes, shared with the board's row markup (./ranked-rows.ts). */
export const YOU_BADGE_CLASS = "inline-flex shrink-0 rounded-full bg-brand px-2 py-0.5 text-xs font-semibold text-on-brand";

/** Marks the signed-in person's own row. */
export function YouBadge() {
  return (
    <span className={YOU_BADGE_CLASS}>
      {/* The space keeps "Name You" apart in text content; inline-flex drops it on screen. */} You
    </span>
  );
}

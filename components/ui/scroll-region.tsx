"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/**
 * A box that scrolls (a wide table on a phone) and says so: a named, focusable region, so keyboard and screen-reader
 * users can reach and scroll it, and a visible hint while its content is wider than the box.
 */
export function ScrollRegion({
  label,
  className = "",
  hint = "Scroll sideways to see every column.",
  children,
}: {
  /** The region's accessible name, e.g. "Pillars by member table". */
  label: string;
  className?: string;
  hint?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const [wide, setWide] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setWide(box.scrollWidth > box.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div className="flex min-w-0 flex-col gap-1">
      {wide ? (
        <p id={hintId} className="flex items-center gap-1 text-xs text-muted" data-testid="scroll-hint">
          <span aria-hidden>⇆</span> {hint}
        </p>
      ) : null}
      <div
        ref={ref}
        role="region"
        aria-label={label}
        aria-describedby={wide ? hintId : undefined}
        tabIndex={0}
        className={`overflow-auto focus-visible:outline-2 focus-visible:outline-focus ${className}`}
      >
        {children}
      </div>
    </div>
  );
}

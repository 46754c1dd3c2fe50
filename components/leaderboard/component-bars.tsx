import { COMPONENT_LABELS, COMPONENT_MAX, COMPONENTS, type Component, type ComponentValues } from "@/lib/ssi";
import { formatScore } from "@/lib/format";

// Literal class names so Tailwind generates them.
const FILL: Record<Component, string> = {
  brand: "bg-pillar-brand",
  people: "bg-pillar-people",
  insights: "bg-pillar-insights",
  relationships: "bg-pillar-relationships",
};

function percent(value: number): number {
  return Math.min(100, Math.max(0, (value / COMPONENT_MAX) * 100));
}

function Track({
  component,
  value,
  className = "",
}: {
  component: Component;
  value: number;
  className?: string;
}) {
  return (
    <span aria-hidden="true" className={`block h-2 overflow-hidden rounded-full bg-line ${className}`}>
      <span
        className={`block h-full rounded-full ${FILL[component]}`}
        style={{ width: `${percent(value)}%` }}
      />
    </span>
  );
}

/**
 * One component as a compact 0–25 bar for a table cell. The number is always in the text (for screen
 * readers and tests) and on hover; it is shown on screen when `showValue` (the ranked-by column).
 */
export function ComponentBar({
  component,
  value,
  showValue = false,
}: {
  component: Component;
  value: number;
  showValue?: boolean;
}) {
  const text = formatScore(value, 2);
  return (
    <span
      className="flex items-center gap-2"
      title={`${COMPONENT_LABELS[component].linkedIn}: ${text} of ${COMPONENT_MAX}`}
    >
      <Track component={component} value={value} className="w-full min-w-10" />
      <span className={showValue ? "w-11 shrink-0 text-right text-sm font-semibold tabular-nums" : "sr-only"}>
        {text}
      </span>
    </span>
  );
}

/** All four components as labelled bars in a 2 × 2 grid (the phone card layout). */
export function ComponentBars({
  components,
  highlight,
}: {
  components: ComponentValues;
  highlight?: Component;
}) {
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-2">
      {COMPONENTS.map((c) => {
        const text = formatScore(components[c], 2);
        const strong = c === highlight;
        return (
          <div
            key={c}
            title={`${COMPONENT_LABELS[c].linkedIn}: ${text} of ${COMPONENT_MAX}`}
            className="grid min-w-0 grid-cols-[1fr_auto] items-baseline gap-x-2 text-xs"
          >
            <dt className={strong ? "font-semibold text-fg" : "text-muted"}>{COMPONENT_LABELS[c].short}</dt>
            <dd className={`tabular-nums ${strong ? "font-semibold text-fg" : "text-fg"}`}>{text}</dd>
            {/* Only dt/dd may sit in a dl's group: the bar is a second, decorative dd. */}
            <dd className="col-span-2" aria-hidden="true">
              <Track component={c} value={components[c]} className={`mt-1 ${strong ? "h-2.5" : ""}`} />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

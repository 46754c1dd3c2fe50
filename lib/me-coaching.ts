import { COMPONENTS, round3, weakestComponent, type Component, type ComponentValues } from "@/lib/ssi";

/** The per-component median of the given breakdowns; null when there are none. */
export function componentMedians(list: readonly ComponentValues[]): ComponentValues | null {
  if (list.length === 0) return null;
  const med = (values: number[]) => {
    const s = [...values].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 ? s[mid]! : round3((s[mid - 1]! + s[mid]!) / 2);
  };
  return Object.fromEntries(COMPONENTS.map((c) => [c, med(list.map((v) => v[c]))])) as ComponentValues;
}

/**
 * What to work on: the component furthest below the teams' median (or simply the lowest when there is no
 * team to compare with). `gap` is the person's value minus the median (negative = below).
 */
export function coachingFocus(mine: ComponentValues, medians: ComponentValues | null): { component: Component; gap: number | null } {
  const component = weakestComponent(mine, medians ?? undefined);
  return { component, gap: medians ? round3(mine[component] - medians[component]) : null };
}

/** The component that changed most (by absolute points) between two breakdowns; null when nothing moved. */
export function biggestMove(now: ComponentValues, before: ComponentValues | null): { component: Component; change: number } | null {
  if (!before) return null;
  let best: { component: Component; change: number } | null = null;
  for (const c of COMPONENTS) {
    const change = round3(now[c] - before[c]);
    if (change !== 0 && (!best || Math.abs(change) > Math.abs(best.change))) best = { component: c, change };
  }
  return best;
}

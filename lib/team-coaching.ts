// Who needs coaching, and on what: each member's weakest component measured against the team's median.
import { COMPONENT_ADVICE, round3, weakestComponent, type Component, type ComponentValues } from "@/lib/ssi";

export type CoachingEntry = {
  userId: string;
  name: string;
  component: Component;
  /** The member's value of that component minus the team median (negative: below the team). */
  gap: number;
  advice: string;
};

type Scored = { userId: string; name: string; status: string; components: ComponentValues | null };

/**
 * Members with a fresh score whose weakest component (relative to the team median) is at least `minGap` points
 * below that median, furthest behind first. Members within half a point of the median everywhere are not listed.
 */
export function coachingList(members: Scored[], medians: ComponentValues | null, minGap = 0.5): CoachingEntry[] {
  if (!medians) return [];
  const out: CoachingEntry[] = [];
  for (const m of members) {
    if (m.status !== "fresh" || !m.components) continue;
    const component = weakestComponent(m.components, medians);
    const gap = round3(m.components[component] - medians[component]);
    if (gap <= -minGap) out.push({ userId: m.userId, name: m.name, component, gap, advice: COMPONENT_ADVICE[component] });
  }
  return out.sort((a, b) => a.gap - b.gap || a.name.localeCompare(b.name));
}

/** Members whose total rose over the period, biggest rise first. */
export function topImprovers<T extends { name: string; change4w: number | null }>(members: T[], limit = 5): T[] {
  return members
    .filter((m) => m.change4w !== null && m.change4w > 0)
    .sort((a, b) => b.change4w! - a.change4w! || a.name.localeCompare(b.name))
    .slice(0, limit);
}

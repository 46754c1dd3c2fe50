export const COMPONENTS = ["brand", "people", "insights", "relationships"] as const;
export type Component = (typeof COMPONENTS)[number];
export type ComponentValues = Record<Component, number>;

export const COMPONENT_MAX = 25;
export const TOTAL_MAX = 100;
/** How far a stated total may be from the sum of the components (LinkedIn rounds the total). */
export const TOTAL_TOLERANCE = 0.5;

export const COMPONENT_LABELS: Record<Component, { linkedIn: string; short: string }> = {
  brand: { linkedIn: "Establish your professional brand", short: "Brand" },
  people: { linkedIn: "Find the right people", short: "People" },
  insights: { linkedIn: "Engage with insights", short: "Insights" },
  relationships: { linkedIn: "Build relationships", short: "Relationships" },
};

export const COMPONENT_ADVICE: Record<Component, string> = {
  brand: "Complete your LinkedIn profile and post about once a week.",
  people:
    "Search for and invite a few well-chosen people each week, and accept invitations from relevant people.",
  insights: "Comment on one or two posts each weekday, react and share, and join live events.",
  relationships: "Keep two-way conversations going with prospects and credible peers, and follow up on them.",
};

/** Rounds to 3 decimals, the precision scores are stored with. */
export function round3(value: number): number {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? 0 : rounded;
}

export function sumComponents(values: ComponentValues): number {
  return round3(values.brand + values.people + values.insights + values.relationships);
}

export function totalMatchesComponents(total: number, sum: number): boolean {
  // Compare at stored precision so 70.5 vs 71 is not lost to floating-point noise.
  return round3(Math.abs(total - sum)) <= TOTAL_TOLERANCE;
}

/**
 * The component with the lowest value, or with the lowest value relative to a
 * reference (e.g. the team median). Ties go to the earlier component in COMPONENTS order.
 */
export function weakestComponent(values: ComponentValues, reference?: ComponentValues): Component {
  let weakest: Component = COMPONENTS[0];
  let lowest = Infinity;
  for (const c of COMPONENTS) {
    const score = round3(values[c] - (reference ? reference[c] : 0));
    if (score < lowest) {
      lowest = score;
      weakest = c;
    }
  }
  return weakest;
}

/**
 * What a field is: the date, one of LinkedIn's four components, the total they add up to, a "Top N %" rank, or
 * an average SSI. The kind decides how a value is checked and whether it may be left out.
 */
export type SsiFieldKind = "date" | "component" | "total" | "rank" | "average";

type SsiFieldSpec = {
  /** The form field, the API's JSON key and the column's key in db/schema.ts. */
  key: string;
  /** The CSV column, which is also the SQL column's name. */
  csv: string;
  kind: SsiFieldKind;
  /** LinkedIn's name for it: in messages, the paste's readout and the import's field list. */
  label: string;
  /** A table heading. */
  short: string;
  /** The range of a number; a rank must be above `min`. */
  min?: number;
  max?: number;
};

/**
 * The fields of a snapshot, once, in the order files and the API give them: the CSV columns, the API's JSON, the
 * account export and the paste's readout. The form asks for the components before the total (SNAPSHOT_FIELDS).
 */
export const SSI_FIELDS = [
  { key: "measuredOn", csv: "measured_on", kind: "date", label: "Date", short: "Date" },
  { key: "total", csv: "total", kind: "total", label: "Total SSI", short: "SSI", min: 0, max: 100 },
  { key: "brand", csv: "brand", kind: "component", label: "Establish your professional brand", short: "Brand", min: 0, max: 25 },
  { key: "people", csv: "people", kind: "component", label: "Find the right people", short: "People", min: 0, max: 25 },
  { key: "insights", csv: "insights", kind: "component", label: "Engage with insights", short: "Insights", min: 0, max: 25 },
  { key: "relationships", csv: "relationships", kind: "component", label: "Build relationships", short: "Relationships", min: 0, max: 25 },
  { key: "industryRank", csv: "industry_rank", kind: "rank", label: "Industry SSI rank", short: "Industry rank", min: 0, max: 100 },
  { key: "networkRank", csv: "network_rank", kind: "rank", label: "Network SSI rank", short: "Network rank", min: 0, max: 100 },
  { key: "industryAvg", csv: "industry_avg", kind: "average", label: "Industry average SSI", short: "Industry average", min: 0, max: 100 },
  { key: "networkAvg", csv: "network_avg", kind: "average", label: "Network average SSI", short: "Network average", min: 0, max: 100 },
] as const satisfies readonly SsiFieldSpec[];

export type SsiField = (typeof SSI_FIELDS)[number];
export type SsiFieldKey = SsiField["key"];
export type SsiCsvColumn = SsiField["csv"];
/** A field holding a number: all but the date. */
export type SsiScoreField = Exclude<SsiField, { kind: "date" }>;
export type SsiScoreKey = SsiScoreField["key"];

/** Each field by its key. */
export const SSI_FIELD = Object.fromEntries(SSI_FIELDS.map((f) => [f.key, f])) as {
  [K in SsiFieldKey]: Extract<SsiField, { key: K }>;
};
export const SSI_SCORE_FIELDS = SSI_FIELDS.filter((f): f is SsiScoreField => f.kind !== "date");
export const SSI_SCORE_KEYS: readonly SsiScoreKey[] = SSI_SCORE_FIELDS.map((f) => f.key);

/** The date and the four components must be given; the total is computed when left out, the rest is optional. */
export const isOptional = (f: SsiField) => f.kind !== "date" && f.kind !== "component";

/** "between 0 and 25", "a Top % above 0 and at most 100": what a value of the field must be. */
export const rangeText = (f: SsiScoreField) =>
  f.kind === "rank" ? `a Top % above ${f.min} and at most ${f.max}` : `between ${f.min} and ${f.max}`;

export const inRange = (f: SsiScoreField, v: number) => (f.kind === "rank" ? v > f.min : v >= f.min) && v <= f.max;

export type Component = Extract<SsiField, { kind: "component" }>["key"];
export type ComponentValues = Record<Component, number>;
export const COMPONENTS = SSI_FIELDS.filter((f) => f.kind === "component").map((f) => f.key) as readonly Component[] as readonly [
  Component,
  ...Component[],
];

export const COMPONENT_MAX = SSI_FIELD.brand.max;
export const TOTAL_MAX = SSI_FIELD.total.max;
/** How far a stated total may be from the sum of the components (LinkedIn rounds the total). */
export const TOTAL_TOLERANCE = 0.5;

export const COMPONENT_LABELS = Object.fromEntries(
  COMPONENTS.map((c) => [c, { linkedIn: SSI_FIELD[c].label, short: SSI_FIELD[c].short }]),
) as Record<Component, { linkedIn: string; short: string }>;

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

// Reads the text a person gets with select-all + copy on linkedin.com/sales/ssi (English).
// LinkedIn puts each component's number before its label ("18.52 | Establish your
// professional brand"), but copies differ by browser and layout: numbers can sit on the
// line before or after the label, or on the same line on either side. We therefore look
// on both sides of every label and let the page's overall layout decide when unclear.
import {
  COMPONENT_LABELS,
  COMPONENT_MAX,
  COMPONENTS,
  round3,
  sumComponents,
  TOTAL_MAX,
  totalMatchesComponents,
  type Component,
} from "@/lib/ssi";

export type PasteField = Component | "total" | "industryRank" | "networkRank" | "industryAvg" | "networkAvg";
export type PasteValues = Partial<Record<PasteField, number>>;
export type PasteResult =
  { ok: true; values: PasteValues; found: string[]; warnings: string[] } | { ok: false; message: string };

export const PASTE_NOTHING_FOUND =
  "We couldn't find SSI scores in that text. On linkedin.com/sales/ssi, select all (Ctrl+A), copy, and paste here.";

// A whole number token: never the tail or head of a longer number.
const NUM = String.raw`(\d+(?:[.,]\d+)?)(?![.,]?\d)`;
const SEP = String.raw`\s*(?:[|:–—-]\s*)?`;

const COMPONENT_PATTERNS: Record<Component, string> = {
  brand: String.raw`establish(?:ing)?\s+your\s+professional\s+brand`,
  people: String.raw`find(?:ing)?\s+the\s+right\s+people`,
  insights: String.raw`engag(?:e|ing)\s+with\s+insights`,
  relationships: String.raw`build(?:ing)?\s+relationships`,
};
const RANK_PATTERNS = {
  industryRank: String.raw`industry\s+ssi\s+rank`,
  networkRank: String.raw`network\s+ssi\s+rank`,
};

type Candidate = { raw: string; sameLine: boolean };
type Sides = { before?: Candidate; after?: Candidate };

/**
 * For each label, the value written right before or right after it. `value` has one
 * capture group; `trail` may sit between a preceding value and the label.
 */
function readBesideLabels<K extends string>(
  text: string,
  labels: Record<K, string>,
  value: string,
  trail = "",
): Partial<Record<K, string>> {
  const after = new RegExp(`^${SEP}${value}`, "i");
  const before = new RegExp(String.raw`(?<![\w.,])(?<!\bof\s*)${value}${trail}${SEP}$`, "i");
  const sides = new Map<K, Sides>();
  for (const key of Object.keys(labels) as K[]) {
    for (const m of text.matchAll(new RegExp(labels[key], "gi"))) {
      const start = m.index;
      const end = start + m[0].length;
      const a = after.exec(text.slice(end, end + 60));
      const b = before.exec(text.slice(Math.max(0, start - 60), start));
      if (!a && !b) continue;
      sides.set(key, {
        after: a?.[1] ? { raw: a[1], sameLine: !a[0].includes("\n") } : undefined,
        before: b?.[1] ? { raw: b[1], sameLine: !b[0].includes("\n") } : undefined,
      });
      break;
    }
  }

  const sameLineOnly = (s: Sides) =>
    s.before?.sameLine && !s.after?.sameLine
      ? s.before
      : s.after?.sameLine && !s.before?.sameLine
        ? s.after
        : undefined;
  let votes = 0; // > 0: values follow their labels on this page
  for (const s of sides.values()) {
    const only = sameLineOnly(s);
    if (only) votes += only === s.after ? 2 : -2;
    else votes += (s.after ? 1 : 0) - (s.before ? 1 : 0);
  }
  const result: Partial<Record<K, string>> = {};
  for (const [key, s] of sides) {
    const chosen = sameLineOnly(s) ?? (votes > 0 ? s.after : s.before);
    if (chosen) result[key] = chosen.raw;
  }
  return result;
}

const toNumber = (raw: string) => round3(Number(raw.replace(",", ".")));

function firstMatch(text: string, pattern: string): string | undefined {
  return new RegExp(pattern, "i").exec(text)?.[1];
}

/** The text from `heading` up to the next of `otherHeadings`, or "" when absent. */
function section(text: string, heading: RegExp, otherHeadings: RegExp): string {
  const start = text.search(heading);
  if (start < 0) return "";
  const rest = text.slice(start + 1);
  const next = rest.search(otherHeadings);
  return next < 0 ? rest : rest.slice(0, next);
}

const TOTAL_AFTER_LABEL = String.raw`current\s+social\s+selling\s+index${SEP}${NUM}`;
const OUT_OF_100 = String.raw`(?<![\w.,])${NUM}\s*out\s+of\s+100`;

function readTotal(text: string): string | undefined {
  const afterLabel = firstMatch(text, TOTAL_AFTER_LABEL);
  if (afterLabel) return afterLabel;
  // Otherwise an "N out of 100" above the components: the page shows the total first, and
  // the industry/network averages further down also read "N out of 100".
  const end = text.search(
    new RegExp(`people\\s+in\\s+your|${Object.values(COMPONENT_PATTERNS).join("|")}`, "i"),
  );
  const head = end < 0 ? text : text.slice(0, end);
  return firstMatch(head, OUT_OF_100);
}

/** Blanks out totals and averages ("71 out of 100") so they can't pass for a component beside a label. */
function withoutTotals(text: string): string {
  return text
    .replace(new RegExp(TOTAL_AFTER_LABEL, "gi"), " # ")
    .replace(new RegExp(OUT_OF_100, "gi"), " # ");
}

const INDUSTRY_HEADING = /people\s+in\s+your\s+industry/i;
const NETWORK_HEADING = /people\s+in\s+your\s+network/i;

function readComparison(text: string, which: "industry" | "network") {
  const [own, other] =
    which === "industry" ? [INDUSTRY_HEADING, NETWORK_HEADING] : [NETWORK_HEADING, INDUSTRY_HEADING];
  const part = section(text, own, other);
  return {
    avg:
      firstMatch(
        text,
        String.raw`${which}\s+ha(?:ve|s)\s+an\s+average\s+(?:ssi\s+)?(?:score\s+)?of\s+${NUM}`,
      ) ?? firstMatch(part, String.raw`^[^\d]{0,40}?${NUM}\s*out\s+of\s+100`),
    rank: firstMatch(part, String.raw`rank\s+in\s+the\s+top\s*${NUM}\s*%`),
  };
}

type Rule = { label: string; ok: (v: number) => boolean; range: string; show: (v: number) => string };
const score = (label: string, max: number): Rule => ({
  label,
  ok: (v) => v >= 0 && v <= max,
  range: `between 0 and ${max}`,
  show: String,
});
const rank = (label: string): Rule => ({
  label,
  ok: (v) => v > 0 && v <= 100,
  range: "a Top % above 0 and at most 100",
  show: (v) => `Top ${v}%`,
});
const RULES: Record<PasteField, Rule> = {
  total: score("Total SSI", TOTAL_MAX),
  brand: score(COMPONENT_LABELS.brand.linkedIn, COMPONENT_MAX),
  people: score(COMPONENT_LABELS.people.linkedIn, COMPONENT_MAX),
  insights: score(COMPONENT_LABELS.insights.linkedIn, COMPONENT_MAX),
  relationships: score(COMPONENT_LABELS.relationships.linkedIn, COMPONENT_MAX),
  industryRank: rank("Industry SSI rank"),
  networkRank: rank("Network SSI rank"),
  industryAvg: score("Industry average SSI", 100),
  networkAvg: score("Network average SSI", 100),
};

export function parseSsiPaste(input: string): PasteResult {
  const text = input
    .replace(/\r\n?/g, "\n")
    .replace(/[\u200b-\u200d\ufeff]/g, "")
    .replace(/[\u00a0\u2007\u202f\t ]+/g, " ")
    // Indentation and blank lines would otherwise push a value out of reach of its label.
    .replace(/ ?\n\s*/g, "\n");

  const industry = readComparison(text, "industry");
  const network = readComparison(text, "network");
  const ranks = readBesideLabels(text, RANK_PATTERNS, String.raw`(?:top\s*)?${NUM}\s*%`);
  const raw: Partial<Record<PasteField, string>> = {
    total: readTotal(text),
    ...readBesideLabels(
      withoutTotals(text),
      COMPONENT_PATTERNS,
      `${NUM}(?!\\s*%)`,
      String.raw`(?:\s*out\s+of\s+25)?`,
    ),
    industryRank: ranks.industryRank ?? industry.rank,
    networkRank: ranks.networkRank ?? network.rank,
    industryAvg: industry.avg,
    networkAvg: network.avg,
  };

  const values: PasteValues = {};
  const warnings: string[] = [];
  for (const field of Object.keys(RULES) as PasteField[]) {
    const r = raw[field];
    if (r === undefined) continue;
    const v = toNumber(r);
    const rule = RULES[field];
    if (rule.ok(v)) values[field] = v;
    else warnings.push(`Skipped ${rule.label}: ${r} is not ${rule.range}.`);
  }

  if (!COMPONENTS.some((c) => values[c] !== undefined)) return { ok: false, message: PASTE_NOTHING_FOUND };

  const { brand = NaN, people = NaN, insights = NaN, relationships = NaN, total } = values;
  const sum = sumComponents({ brand, people, insights, relationships });
  if (total !== undefined && !Number.isNaN(sum)) {
    if (!totalMatchesComponents(total, sum)) {
      delete values.total;
      warnings.push(`Skipped Total SSI: ${total} doesn't match the sum of the four components (${sum}).`);
    }
  }

  const found = (Object.keys(RULES) as PasteField[]).flatMap((f) => {
    const v = values[f];
    return v === undefined ? [] : [`${RULES[f].label}: ${RULES[f].show(v)}`];
  });
  return { ok: true, values, found, warnings };
}

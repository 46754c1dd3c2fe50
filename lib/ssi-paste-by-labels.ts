// Reads the SSI page by its labels in one known language. LinkedIn puts each component's number before its label
// ("18.52 | Establish your professional brand"), but copies differ by browser and layout: numbers can sit on the
// line before or after the label, or on the same line on either side. We therefore look on both sides of every
// label and let the page's overall layout decide when unclear.
import type { PasteLanguage } from "@/lib/ssi-paste-labels";
import type { PasteField } from "@/lib/ssi-paste";

// A whole number token: never the tail or head of a longer number.
export const NUM = String.raw`(\d+(?:[.,]\d+)?)(?![.,]?\d)`;
const SEP = String.raw`\s*(?:[|:–—-]\s*)?`;

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
  notAfter: string,
  trail = "",
): Partial<Record<K, string>> {
  const after = new RegExp(`^${SEP}${value}`, "i");
  const before = new RegExp(String.raw`(?<![\w.,])(?<!\b${notAfter}\s*)${value}${trail}${SEP}$`, "i");
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

function firstMatch(text: string, pattern: string): string | undefined {
  return new RegExp(pattern, "i").exec(text)?.[1];
}

/** The text from `heading` up to the next of `otherHeading`, or "" when absent. */
function section(text: string, heading: string, otherHeading: string): string {
  const start = text.search(new RegExp(heading, "i"));
  if (start < 0) return "";
  const rest = text.slice(start + 1);
  const next = rest.search(new RegExp(otherHeading, "i"));
  return next < 0 ? rest : rest.slice(0, next);
}

/** Every value the page shows, as written ("18,52"), found by `lang`'s labels. */
export function readByLabels(text: string, lang: PasteLanguage): Partial<Record<PasteField, string>> {
  const totalAfterLabel = String.raw`${lang.totalLabel}${SEP}${NUM}`;
  const outOf100 = String.raw`(?<![\w.,])${NUM}\s*${lang.outOf}\s+100`;

  // The total follows its label; otherwise it is the "N out of 100" above the components (the industry and
  // network averages further down also read "N out of 100").
  const end = text.search(new RegExp(`${lang.headings.industry}|${Object.values(lang.components).join("|")}`, "i"));
  const total = firstMatch(text, totalAfterLabel) ?? firstMatch(end < 0 ? text : text.slice(0, end), outOf100);

  // Totals and averages blanked out, so they can't pass for a component beside a label.
  const withoutTotals = text.replace(new RegExp(totalAfterLabel, "gi"), " # ").replace(new RegExp(outOf100, "gi"), " # ");
  const components = readBesideLabels(
    withoutTotals,
    lang.components,
    `${NUM}(?!\\s*%)`,
    lang.notAfter,
    String.raw`(?:\s*${lang.outOf}\s+25)?`,
  );
  const ranks = readBesideLabels(text, lang.ranks, String.raw`(?:${lang.top}\s*)?${NUM}\s*%`, lang.notAfter);

  const averages = [...text.matchAll(new RegExp(String.raw`${lang.averageOf}\s+${NUM}`, "gi"))].map((m) => m[1]);
  const card = (which: "industry" | "network") => {
    const other = which === "industry" ? "network" : "industry";
    const part = section(text, lang.headings[which], lang.headings[other]);
    return {
      avg:
        firstMatch(part, String.raw`${lang.averageOf}\s+${NUM}`) ??
        (averages.length === 2 ? averages[which === "industry" ? 0 : 1] : undefined) ??
        firstMatch(part, String.raw`^[^\d]{0,40}?${NUM}\s*${lang.outOf}\s+100`),
      rank: firstMatch(part, String.raw`${lang.rankInCard}\s*${NUM}\s*%`),
    };
  };
  const industry = card("industry");
  const network = card("network");

  return {
    total,
    ...components,
    industryRank: ranks.industryRank ?? industry.rank,
    networkRank: ranks.networkRank ?? network.rank,
    industryAvg: industry.avg,
    networkAvg: network.avg,
  };
}

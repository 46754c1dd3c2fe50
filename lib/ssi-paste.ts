// Reads the text a person gets with select-all + copy on linkedin.com/sales/ssi, in any interface language:
// by the page's labels in the languages we have real copies of (lib/ssi-paste-labels.ts), otherwise by the
// page's layout alone (lib/ssi-paste-structure.ts). Whatever is read is checked against the SSI's ranges here.
import {
  COMPONENT_LABELS,
  COMPONENTS,
  inRange,
  rangeText,
  round3,
  SSI_SCORE_FIELDS,
  sumComponents,
  totalMatchesComponents,
  type SsiScoreKey,
} from "@/lib/ssi";
import { readByLabels } from "@/lib/ssi-paste-by-labels";
import { labelHits, PASTE_LANGUAGES } from "@/lib/ssi-paste-labels";
import { readByStructure } from "@/lib/ssi-paste-structure";

export type PasteField = SsiScoreKey;
export type PasteValues = Partial<Record<PasteField, number>>;
/** How the text was read: by a known language's labels, or by the page's layout. */
export type PasteReading = { by: "labels"; language: string } | { by: "layout" };
export type PasteResult =
  | { ok: true; values: PasteValues; found: string[]; warnings: string[]; reading: PasteReading }
  | { ok: false; message: string };

const languageList = PASTE_LANGUAGES.map((l) => l.name).join(" or ");
export const PASTE_NOTHING_FOUND =
  `We couldn't find SSI scores in that text. We looked for the labels of LinkedIn's SSI page in ${languageList} ` +
  `(such as "${COMPONENT_LABELS.brand.linkedIn}"), and, in any language, for its layout: a total out of 100 ` +
  `followed by four scores from 0 to 25 that add up to it. On linkedin.com/sales/ssi, select all (Ctrl+A), copy, ` +
  `and paste here, or type your scores in the form.`;

/** One sentence saying how the text was read, for the rep checking the values. */
export function describeReading(reading: PasteReading): string {
  return reading.by === "labels"
    ? `Read using the labels of LinkedIn's page in ${reading.language}.`
    : `Read from the page's layout (its language's labels are not known here): the total, then the four components in LinkedIn's order. Check each value.`;
}

const show = (f: (typeof SSI_SCORE_FIELDS)[number], v: number) => (f.kind === "rank" ? `Top ${v}%` : String(v));

const toNumber = (raw: string) => round3(Number(raw.replace(",", ".")));

function normalize(input: string): string {
  return (
    input
      .replace(/\r\n?/g, "\n")
      .replace(/[\u200b-\u200d\ufeff]/g, "")
      .replace(/[\u00a0\u2007\u202f\t ]+/g, " ")
      // Indentation and blank lines would otherwise push a value out of reach of its label.
      .replace(/ ?\n\s*/g, "\n")
  );
}

/** Range-checked values and a warning for each value skipped. */
function check(raw: Partial<Record<PasteField, string>>) {
  const values: PasteValues = {};
  const warnings: string[] = [];
  for (const f of SSI_SCORE_FIELDS) {
    const r = raw[f.key];
    if (r === undefined) continue;
    const v = toNumber(r);
    if (inRange(f, v)) values[f.key] = v;
    else warnings.push(`Skipped ${f.label}: ${r} is not ${rangeText(f)}.`);
  }
  return { values, warnings };
}

const hasComponent = (values: PasteValues) => COMPONENTS.some((c) => values[c] !== undefined);

export function parseSsiPaste(input: string): PasteResult {
  const text = normalize(input);
  const [best] = PASTE_LANGUAGES.map((lang) => ({ lang, ...labelHits(text, lang) })).sort(
    (a, b) => b.components - a.components || b.all - a.all,
  );
  let reading: PasteReading = { by: "layout" };
  let read = { values: {} as PasteValues, warnings: [] as string[] };
  if (best && best.components > 0) {
    read = check(readByLabels(text, best.lang));
    reading = { by: "labels", language: best.lang.name };
  }
  if (!hasComponent(read.values)) {
    const byLayout = check(readByStructure(text));
    if (hasComponent(byLayout.values)) {
      read = byLayout;
      reading = { by: "layout" };
    }
  }
  const { values, warnings } = read;
  if (!hasComponent(values)) return { ok: false, message: PASTE_NOTHING_FOUND };

  const { brand = NaN, people = NaN, insights = NaN, relationships = NaN, total } = values;
  const sum = sumComponents({ brand, people, insights, relationships });
  if (total !== undefined && !Number.isNaN(sum)) {
    if (!totalMatchesComponents(total, sum)) {
      delete values.total;
      warnings.push(`Skipped Total SSI: ${total} doesn't match the sum of the four components (${sum}).`);
    }
  }

  const found = SSI_SCORE_FIELDS.flatMap((f) => {
    const v = values[f.key];
    return v === undefined ? [] : [`${f.label}: ${show(f, v)}`];
  });
  return { ok: true, values, found, warnings, reading };
}

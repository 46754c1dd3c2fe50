// Reads the SSI page in a language whose labels we don't know, by its layout alone. Whatever the language,
// LinkedIn shows the two ranks ("Top 3%") first, then the total ("71 out of 100"), then the four components in
// a fixed order (brand, people, insights, relationships), each 0–25 with two or three decimals, then the
// industry and network cards, each with its average ("28 out of 100") and the member's rank there.
import type { PasteField } from "@/lib/ssi-paste";

type Token = { raw: string; value: number; at: number; end: number; percent: boolean; scale: boolean };

// A number standing alone: not part of a word ("3d") or of a longer number.
const TOKEN = /(?<![\p{L}\p{N}.,])(%)?(\d{1,3}(?:[.,]\d{1,3})?)(?![.,]?\d)(?!\p{L})(\s*%)?/gu;
// Dates ("27/04/2026", "27.04.2026") and times ("13:06") are not scores.
const DATES_AND_TIMES = /\d{1,4}([/.-])\d{1,2}\1\d{2,4}|\d{1,2}:\d{2}(?::\d{2})?/g;

function tokens(input: string): Token[] {
  const text = input.replace(DATES_AND_TIMES, (m) => " ".repeat(m.length));
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[2]!;
    const at = m.index + (m[1]?.length ?? 0);
    const prev = out.at(-1);
    const between = prev ? text.slice(prev.end, at) : "";
    // The "100" of "71 out of 100" / "53 de 100" / "53/100", and the "25" of "18.52 out of 25", in any language.
    const scale = !!prev && !prev.percent && (raw === "100" || raw === "25") && /^\s*(?:\/|(?:\p{L}+\s+){1,3})\s*$/u.test(between);
    out.push({
      raw,
      value: Number(raw.replace(",", ".")),
      at,
      end: m.index + m[0].length,
      percent: !!(m[1] || m[3]),
      scale,
    });
  }
  return out;
}

const near = (a: number, b: number) => Math.round(Math.abs(a - b) * 1000) / 1000 <= 0.5;
const decimals = (t: Token) => /[.,]/.test(t.raw);

/** The total and four components: five numbers in a row whose last four (0–25) add up to the first (0–100). */
function findScores(list: Token[]): { start: number; end: number; total?: Token; parts: Token[] } | undefined {
  for (let i = 0; i + 4 < list.length; i++) {
    const [t, ...parts] = list.slice(i, i + 5) as [Token, ...Token[]];
    if (t.value > 100 || parts.some((p) => p.value > 25)) continue;
    if (near(t.value, parts.reduce((s, p) => s + p.value, 0))) return { start: i, end: i + 5, total: t, parts };
  }
  // A copy without the total: four component-sized numbers in a row, written with decimals as LinkedIn does.
  for (let i = 0; i + 3 < list.length; i++) {
    const parts = list.slice(i, i + 4);
    if (parts.every((p) => p.value <= 25) && parts.filter(decimals).length >= 2) return { start: i, end: i + 4, parts };
  }
  return undefined;
}

/** Every value found by position alone, as written ("18,52"); empty when the layout isn't there. */
export function readByStructure(text: string): Partial<Record<PasteField, string>> {
  const all = tokens(text);
  const plain = all.filter((t) => !t.percent);
  // Without the scale markers ("out of 100", "out of 25"); if that fails, a "25" after a label may be a component.
  const found = findScores(plain.filter((t) => !t.scale)) ?? findScores(plain.filter((t) => !t.scale || t.value === 25));
  if (!found) return {};
  const [brand, people, insights, relationships] = found.parts.map((p) => p.raw);
  const first = found.total ?? found.parts[0]!;
  const last = found.parts[found.parts.length - 1]!;

  // Averages: the two "N <word(s)> 100" after the components.
  const averages = all.filter((t, i) => t.at > last.at && !t.percent && all[i + 1]?.scale && all[i + 1]?.raw === "100");
  const ranksBefore = all.filter((t) => t.percent && t.at < first.at);
  const rankAfter = (from: number, to: number) => all.find((t) => t.percent && t.at > from && t.at < to)?.raw;
  const [industryAvg, networkAvg] = averages;
  return {
    total: found.total?.raw,
    brand,
    people,
    insights,
    relationships,
    industryRank: ranksBefore[0]?.raw ?? (industryAvg ? rankAfter(industryAvg.at, networkAvg?.at ?? Infinity) : undefined),
    networkRank: ranksBefore[1]?.raw ?? (networkAvg ? rankAfter(networkAvg.at, Infinity) : undefined),
    industryAvg: industryAvg?.raw,
    networkAvg: networkAvg?.raw,
  };
}

// Property-based tests of the paste parser: any text, however hostile, gets an answer (never an exception), values
// it reads are in range, every skipped value is named, and a real paste still reads right with junk around it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileString, HOSTILE_STRINGS } from "@/lib/testing/hostile";
import { COMPONENT_LABELS, COMPONENTS, totalMatchesComponents, sumComponents } from "./ssi";
import { PASTE_NOTHING_FOUND, parseSsiPaste } from "./ssi-paste";

const LABELS: Record<string, string> = {
  ...Object.fromEntries(COMPONENTS.map((c) => [c, COMPONENT_LABELS[c].linkedIn])),
  total: "Total SSI",
  industryRank: "Industry SSI rank",
  networkRank: "Network SSI rank",
  industryAvg: "Industry average SSI",
  networkAvg: "Network average SSI",
};
const RANGE: Record<string, [number, number]> = {
  total: [0, 100],
  industryAvg: [0, 100],
  networkAvg: [0, 100],
  industryRank: [Number.MIN_VALUE, 100],
  networkRank: [Number.MIN_VALUE, 100],
  ...Object.fromEntries(COMPONENTS.map((c) => [c, [0, 25]])),
};

/** A page the way LinkedIn lays it out, with hostile fragments woven between the lines. */
const pageText = (v: Record<string, string>, noise: string[]) =>
  [
    noise[0],
    "Current Social Selling Index",
    `${v.total}`,
    "out of 100",
    noise[1],
    `${v.brand} | Establish your professional brand`,
    `${v.people} | Find the right people`,
    noise[2],
    `${v.insights} | Engage with insights`,
    `${v.relationships} | Build relationships`,
    noise[3],
  ].join("\n");

function checkResult(text: string) {
  const r = parseSsiPaste(text);
  if (!r.ok) {
    expect(r.message).toBe(PASTE_NOTHING_FOUND);
    return r;
  }
  for (const [field, value] of Object.entries(r.values)) {
    const [min, max] = RANGE[field]!;
    expect(Number.isFinite(value) && value >= min && value <= max, `${field}=${value}`).toBe(true);
  }
  for (const w of r.warnings) expect(Object.values(LABELS).some((label) => w.startsWith(`Skipped ${label}:`)), w).toBe(true);
  expect(r.found.length).toBe(Object.keys(r.values).length);
  return r;
}

describe("parseSsiPaste on hostile text", () => {
  it("answers any text without throwing: values in range, each skipped value named, else the help message", () => {
    fc.assert(fc.property(hostileString, (text) => void checkResult(text)), { numRuns: 200 });
  });

  it("answers any mix of LinkedIn's labels, numbers and junk in any order", () => {
    const token = fc.oneof(
      fc.constantFrom(...Object.values(LABELS), "Current Social Selling Index", "out of 100", "out of 25", "Top", "%", "|", "\n", "People in your industry", "People in your network", "You rank in the top"),
      fc.double({ min: -1e6, max: 1e6 }).map((n) => String(Math.round(n * 100) / 100)),
      fc.constantFrom(...HOSTILE_STRINGS),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), fc.constantFrom(" ", "\n", " | "), (tokens, sep) => void checkResult(tokens.join(sep))),
      { numRuns: 200 },
    );
  });

  it("still reads a real paste with hostile lines (no digits) around it", () => {
    const cents = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100);
    const noise = fc.array(
      fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: "grapheme", maxLength: 30 })).map((s) => s.replace(/[\p{Nd}.,%|]/gu, "")),
      { minLength: 4, maxLength: 4 },
    );
    fc.assert(
      fc.property(cents(25), cents(25), cents(25), cents(25), noise, (brand, people, insights, relationships, junk) => {
        const total = Math.round(brand + people + insights + relationships);
        const r = checkResult(pageText({ brand: `${brand}`, people: `${people}`, insights: `${insights}`, relationships: `${relationships}`, total: `${total}` }, junk));
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.values).toMatchObject({ brand, people, insights, relationships });
        if (r.values.total !== undefined) expect(totalMatchesComponents(r.values.total, sumComponents({ brand, people, insights, relationships }))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

import { COMPONENTS, sumComponents, totalMatchesComponents, type ComponentValues } from "@/lib/ssi";
import { parseDecimal } from "@/lib/validation/snapshot";

/** What the inputs hold right now, by field name (the raw text, decimal comma and all). */
export type LiveValues = Record<string, string>;

/** The number the server would read from a typed value, or undefined when blank or unreadable. */
export function readNumber(raw: string | undefined): number | undefined {
  const n = parseDecimal(raw);
  return typeof n === "number" && Number.isFinite(n) ? n : undefined;
}

/** The sum of the four components, or undefined until all four read as numbers. */
export function liveSum(values: LiveValues): number | undefined {
  const parsed: Partial<ComponentValues> = {};
  for (const c of COMPONENTS) {
    const n = readNumber(values[c]);
    if (n === undefined) return undefined;
    parsed[c] = n;
  }
  return sumComponents(parsed as ComponentValues);
}

/** True when a total was typed and it is further from the sum than LinkedIn's rounding explains. */
export function totalDisagrees(values: LiveValues, sum: number | undefined): boolean {
  const total = readNumber(values.total);
  return total !== undefined && sum !== undefined && !totalMatchesComponents(total, sum);
}

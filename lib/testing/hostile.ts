// fast-check arbitraries for hostile input, shared by the property-based tests of the validation schemas, the
// paste parser, the CSV import and the JSON API: what a careless script, a confused spreadsheet or an attacker sends.
import fc from "fast-check";

/** Strings that have broken parsers, databases and pages before. */
export const HOSTILE_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "18.5\u0000",
  "\u202eevil\u202c",
  "\u200f\u0661\u0662\u066b\u0665", // RTL mark + Arabic-Indic digits "12.5"
  "مرحبا بالعالم",
  "שלום",
  "🔥💯👩‍👩‍👧‍👦",
  "\ud800",
  "\udfff\ud800",
  "\ufeff18.52",
  "'; drop table snapshots; --",
  "1' or '1'='1",
  "1); select pg_sleep(10); --",
  "$1",
  "\\x00",
  "<script>window.__xss=1</script>",
  "<img src=x onerror=window.__xss=1>",
  '"><svg onload=alert(1)>',
  "javascript:alert(1)",
  "NaN",
  "Infinity",
  "-Infinity",
  "-0",
  "1e308",
  "1e-400",
  "1e400",
  "0x19",
  "0b1",
  "1_000",
  "12,5",
  "12.5.5",
  "--1",
  "+25",
  "25.0001",
  "24.9999",
  "   18.52   ",
  ".5",
  "5.",
  "1/2",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "toString",
  "2024-02-30",
  "2024-13-01",
  "0000-01-01",
  "9999-12-31",
  "2013-12-31",
  "2024-1-1",
  "2024-01-01T00:00:00Z",
  " 2024-01-01 ",
  "２０２４-０１-０１",
  "%00",
  "%s%s%s%n",
  "{{7*7}}",
  "${7*7}",
  "Europe/Berlin\u0000",
  "../../etc/passwd",
];

/** Special numbers: NaN, infinities, negative zero, the edges of doubles and of the score ranges. */
export const HOSTILE_NUMBERS = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  0,
  25,
  25.0001,
  100,
  100.5,
  -1e-9,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER + 2,
  0.1 + 0.2,
  18.5205,
];

/** Very long strings (100 k to 1 M characters). */
export const hugeString = fc
  .tuple(fc.constantFrom(100_000, 1_000_000), fc.constantFrom("9", "a", "<", "🔥", "\u0000", "1.", " "))
  .map(([n, c]) => c.repeat(Math.ceil(n / c.length)));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 6 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }), weight: 2 },
  { arbitrary: fc.double().map(String), weight: 2 },
  { arbitrary: hugeString, weight: 1 },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_NUMBERS), weight: 3 },
  { arbitrary: fc.double(), weight: 2 },
  { arbitrary: fc.integer(), weight: 1 },
);

/** Any value a JSON body can carry, and then some (undefined, hostile strings, special numbers, nesting). */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 4 },
  { arbitrary: hostileNumber, weight: 4 },
  { arbitrary: fc.constantFrom(null, undefined, true, false), weight: 2 },
  { arbitrary: fc.array(fc.oneof(hostileNumber, hostileString), { maxLength: 3 }), weight: 1 },
  { arbitrary: fc.dictionary(hostileString, hostileNumber, { maxKeys: 3 }), weight: 1 },
  { arbitrary: fc.constantFrom([], {}, [18.5], { value: 18.5 }, Array.from({ length: 10_000 }, () => 1)), weight: 1 },
);

const MISSING = Symbol("missing");

/**
 * An object over `fields` where each field is missing, valid, or hostile, plus maybe extra keys
 * (including `__proto__` and `constructor`).
 */
export function hostileRecord(
  valid: Record<string, fc.Arbitrary<unknown>>,
  hostile: fc.Arbitrary<unknown> = hostileValue,
): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.fromEntries(
    Object.entries(valid).map(([k, ok]) => [
      k,
      fc.oneof({ arbitrary: ok, weight: 3 }, { arbitrary: hostile, weight: 2 }, { arbitrary: fc.constant(MISSING), weight: 1 }),
    ]),
  );
  const extra = fc.dictionary(fc.oneof(fc.constantFrom("__proto__", "constructor", "prototype", "id", "userId", "team_id"), fc.string()), hostile, {
    maxKeys: 2,
  });
  return fc.tuple(fc.record(fields), extra).map(([rec, more]) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(more)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    for (const [k, v] of Object.entries(rec)) if (v !== MISSING) out[k] = v;
    return out;
  });
}
/** True when a string holds a character PostgreSQL text columns cannot store. */
export const hasNul = (s: string) => s.includes("\u0000");

/**
 * JSON text for a value, keeping what JSON.stringify would lose: ±Infinity is written as ±1e400 (which JSON.parse
 * reads back as ±Infinity), -0 as -0, NaN as null, undefined fields are left out.
 */
export function rawJson(value: unknown): string {
  if (value === undefined) return "null";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "null";
    if (value === Number.POSITIVE_INFINITY) return "1e400";
    if (value === Number.NEGATIVE_INFINITY) return "-1e400";
    if (Object.is(value, -0)) return "-0";
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(rawJson).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${rawJson(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

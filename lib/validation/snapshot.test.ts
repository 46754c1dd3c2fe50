import { describe, expect, it } from "vitest";
import { fieldErrors, parseDecimal, SNAPSHOT_MESSAGES as M, snapshotInputSchema } from "./snapshot";

const TODAY = "2024-06-15";
const schema = snapshotInputSchema(TODAY);

const valid = {
  measuredOn: "2024-06-14",
  brand: "18.52",
  people: "12.1",
  insights: "9.33",
  relationships: "20.05",
};

/** Parses FormData the way a server action receives it. */
function parseForm(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return schema.safeParse(Object.fromEntries(fd));
}

function errorsFor(input: Record<string, unknown>) {
  return fieldErrors(schema.safeParse(input));
}

describe("snapshotInputSchema: success", () => {
  it("turns FormData strings into numbers and fills the total from the components", () => {
    const result = parseForm({
      ...valid,
      total: "",
      industryRank: "",
      networkRank: "",
      industryAvg: "",
      networkAvg: "",
    });
    expect(result.success).toBe(true);
    expect(result.data).toEqual({
      measuredOn: "2024-06-14",
      brand: 18.52,
      people: 12.1,
      insights: 9.33,
      relationships: 20.05,
      total: 60,
    });
  });

  it("accepts decimal commas, surrounding spaces and the optional fields", () => {
    const result = parseForm({
      ...valid,
      brand: " 18,52 ",
      total: "60",
      industryRank: "3",
      networkRank: "0,5",
      industryAvg: "28",
      networkAvg: "25,5",
    });
    expect(result.data).toMatchObject({
      brand: 18.52,
      total: 60,
      industryRank: 3,
      networkRank: 0.5,
      networkAvg: 25.5,
    });
  });

  it("accepts plain numbers from a JSON body and boundary values", () => {
    const result = schema.safeParse({
      measuredOn: TODAY,
      brand: 25,
      people: 0,
      insights: 0,
      relationships: 0,
      industryRank: 100,
    });
    expect(result.data).toMatchObject({ total: 25, industryRank: 100 });
    expect(schema.safeParse({ ...valid, measuredOn: "2014-01-01" }).success).toBe(true);
  });

  it("rounds the computed total to three decimals", () => {
    const r = schema.safeParse({ ...valid, brand: "0.1", people: "0.2", insights: "0", relationships: "0" });
    expect(r.data?.total).toBe(0.3);
  });

  it("keeps a stated total within 0.5 of the sum (LinkedIn rounds its total)", () => {
    expect(schema.safeParse({ ...valid, total: "60.5" }).data?.total).toBe(60.5);
    expect(schema.safeParse({ ...valid, total: "59,5" }).data?.total).toBe(59.5);
  });
});

describe("snapshotInputSchema: messages", () => {
  it("asks for each missing component by LinkedIn's name", () => {
    expect(errorsFor({ measuredOn: TODAY })).toEqual({
      brand: [M.componentMissing("Establish your professional brand")],
      people: [M.componentMissing("Find the right people")],
      insights: [M.componentMissing("Engage with insights")],
      relationships: [M.componentMissing("Build relationships")],
    });
    expect(M.componentMissing("Find the right people")).toBe("Enter your score for Find the right people.");
    expect(errorsFor({ ...valid, people: "  " }).people).toEqual([
      "Enter your score for Find the right people.",
    ]);
  });

  it("rejects text, out-of-range values and too many decimals, naming the field", () => {
    expect(errorsFor({ ...valid, brand: "abc" }).brand).toEqual([
      "Establish your professional brand must be a number, e.g. 18.52.",
    ]);
    expect(errorsFor({ ...valid, brand: "0x10" }).brand).toEqual([
      M.notANumber("Establish your professional brand"),
    ]);
    expect(errorsFor({ ...valid, brand: "25.01" }).brand).toEqual([
      "Establish your professional brand must be between 0 and 25.",
    ]);
    expect(errorsFor({ ...valid, insights: "-1" }).insights).toEqual([
      "Engage with insights must be between 0 and 25.",
    ]);
    expect(errorsFor({ ...valid, relationships: "1.2345" }).relationships).toEqual([
      "Use at most three decimals for Build relationships.",
    ]);
    expect(errorsFor({ ...valid, relationships: "1.234" }).relationships).toBeUndefined();
  });

  it("checks the date: present, well-formed, real, from 2014, not in the future", () => {
    expect(errorsFor({ ...valid, measuredOn: "" }).measuredOn).toEqual([M.dateMissing]);
    expect(errorsFor({ ...valid, measuredOn: undefined }).measuredOn).toEqual([M.dateMissing]);
    expect(errorsFor({ ...valid, measuredOn: "14/06/2024" }).measuredOn).toEqual([M.dateFormat]);
    expect(errorsFor({ ...valid, measuredOn: "2023-02-29" }).measuredOn).toEqual([M.dateNotReal]);
    expect(errorsFor({ ...valid, measuredOn: "2013-12-31" }).measuredOn).toEqual([
      "LinkedIn's SSI starts in 2014: pick a date from 2014-01-01 on.",
    ]);
    expect(errorsFor({ ...valid, measuredOn: "2024-06-16" }).measuredOn).toEqual([
      "The date can't be in the future.",
    ]);
    expect(errorsFor({ ...valid, measuredOn: TODAY }).measuredOn).toBeUndefined();
  });

  it("rejects a total further than 0.5 from the sum, on the total field", () => {
    const errors = errorsFor({ ...valid, total: "61" });
    expect(errors).toEqual({ total: ["Total must equal the sum of the four components (±0.5)."] });
  });

  it("reports a total mismatch together with other errors, but not when a component is missing", () => {
    expect(errorsFor({ ...valid, measuredOn: "2099-01-01", total: "61" })).toEqual({
      measuredOn: [M.dateFuture],
      total: [M.totalMismatch],
    });
    expect(errorsFor({ ...valid, brand: "", total: "61" })).toEqual({
      brand: [M.componentMissing("Establish your professional brand")],
    });
  });

  it("checks the optional fields' ranges with their names", () => {
    expect(errorsFor({ ...valid, total: "101" }).total).toEqual(["Total SSI must be between 0 and 100."]);
    expect(errorsFor({ ...valid, industryRank: "0" }).industryRank).toEqual([
      "Industry SSI rank must be a Top % above 0 and at most 100.",
    ]);
    expect(errorsFor({ ...valid, networkRank: "100.5" }).networkRank).toEqual([
      "Network SSI rank must be a Top % above 0 and at most 100.",
    ]);
    expect(errorsFor({ ...valid, industryAvg: "-3" }).industryAvg).toEqual([
      "Industry average SSI must be between 0 and 100.",
    ]);
    expect(errorsFor({ ...valid, networkAvg: "lots" }).networkAvg).toEqual([
      M.notANumber("Network average SSI"),
    ]);
  });
});

describe("parseDecimal", () => {
  it("reads points and commas, treats blank as absent and junk as NaN", () => {
    expect(parseDecimal("18.52")).toBe(18.52);
    expect(parseDecimal("18,52")).toBe(18.52);
    expect(parseDecimal(",5")).toBe(0.5);
    expect(parseDecimal("")).toBeUndefined();
    expect(parseDecimal(null)).toBeUndefined();
    expect(parseDecimal("1e3")).toBeNaN();
    expect(parseDecimal("1.234,5")).toBeNaN();
    expect(parseDecimal(7)).toBe(7);
  });
});

describe("fieldErrors", () => {
  it("is empty for a successful parse", () => {
    expect(fieldErrors(schema.safeParse(valid))).toEqual({});
  });
});

describe("the snapshot schema, kept per date", () => {
  it("judges the future by the date it was asked for, even with another date's schema already built", () => {
    const input = { measuredOn: "2026-01-11", brand: 10, people: 10, insights: 10, relationships: 10 };
    const before = snapshotInputSchema("2026-01-10");
    expect(before.safeParse(input).success).toBe(false);
    expect(snapshotInputSchema("2026-01-11").safeParse(input).success).toBe(true);
    // Asked again for the first date: still refuses, and it is the same schema (built once).
    expect(snapshotInputSchema("2026-01-10")).toBe(before);
    expect(snapshotInputSchema("2026-01-10").safeParse(input).success).toBe(false);
  });
});

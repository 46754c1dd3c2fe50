// What a user notices of the one table of SSI fields (lib/ssi.ts): every place that reads or writes a snapshot
// speaks of the same fields, in the same order, with the same names and ranges.
import { describe, expect, it } from "vitest";
import { csvRecordToInput, parseSnapshotCsv, type CsvExportRow } from "@/lib/csv-snapshots";
import { csvResponse } from "@/lib/csv-response";
import { MAPPING_FIELDS } from "@/lib/import-mapping";
import { snapshotBodySchema, snapshotJson } from "@/lib/snapshot-api";
import { SSI_SCORE_FIELDS } from "@/lib/ssi";
import { parseSsiPaste } from "@/lib/ssi-paste";
import { snapshotInputSchema } from "@/lib/validation/snapshot";

const today = "2025-06-30";
const row: CsvExportRow = {
  email: "ann@example.com",
  name: "Ann",
  measuredOn: "2025-06-01",
  total: 71,
  brand: 18.52,
  people: 16,
  insights: 14.8,
  relationships: 21.68,
  industryRank: 3,
  networkRank: 1.5,
  industryAvg: 28,
  networkAvg: 31.25,
};

async function* pages() {
  yield [row];
}

const valid = { measuredOn: "2025-06-01", brand: "18.52", people: "16", insights: "14.8", relationships: "21.68" };

describe("the SSI fields, defined once", () => {
  it("exports a CSV whose header names the columns in order, and which imports back to the same snapshot", async () => {
    const text = await csvResponse(pages(), "x.csv").text();
    const [header, line] = text.split("\r\n");
    expect(header).toBe(
      "email,name,measured_on,total,brand,people,insights,relationships,industry_rank,network_rank,industry_avg,network_avg",
    );
    expect(line).toBe("ann@example.com,Ann,2025-06-01,71,18.52,16,14.8,21.68,3,1.5,28,31.25");

    const parsed = parseSnapshotCsv(text);
    expect(parsed.ok).toBe(true);
    const record = parsed.ok ? parsed.rows[0]! : { line: 0 };
    const input = snapshotInputSchema(today).parse(csvRecordToInput(record));
    const { email: _email, name: _name, ...snapshot } = row;
    expect(input).toEqual(snapshot);
  });

  it("refuses a value above a field's maximum with the field's name, and takes the maximum itself", () => {
    for (const f of SSI_SCORE_FIELDS) {
      const schema = snapshotInputSchema(today);
      // The total must match the components, so it is tried with components that add up to it.
      const base = f.key === "total" ? { ...valid, brand: "25", people: "25", insights: "25", relationships: "25" } : valid;
      const atMax = schema.safeParse({ ...base, total: undefined, [f.key]: String(f.max) });
      expect(atMax.success, f.key).toBe(true);
      const above = schema.safeParse({ ...base, [f.key]: String(f.max + 0.5) });
      expect(above.success).toBe(false);
      expect(above.error?.issues.map((i) => i.message)).toContainEqual(expect.stringContaining(f.label));
    }
  });

  it("skips a pasted value out of range with the field's name", () => {
    const result = parseSsiPaste(
      "Current Social Selling Index 71 out of 100\n18.52 Establish your professional brand\n16 Find the right people\n" +
        "14.8 Engage with insights\n30 Build relationships",
    );
    expect(result.ok && result.warnings).toEqual(["Skipped Build relationships: 30 is not between 0 and 25."]);
  });

  it("answers the API with the fields the OpenAPI document describes", () => {
    const json = snapshotJson({ ...row, enteredBy: null, updatedAt: new Date("2025-06-01T10:00:00Z") });
    const documented = Object.keys(snapshotBodySchema().properties).filter((k) => k !== "team");
    expect(Object.keys(json)).toEqual([
      "measuredOn",
      "total",
      "brand",
      "people",
      "insights",
      "relationships",
      "industryRank",
      "networkRank",
      "industryAvg",
      "networkAvg",
      "enteredByManager",
      "updatedAt",
    ]);
    expect(Object.keys(json).filter((k) => documented.includes(k)).sort()).toEqual([...documented].sort());
    const p = snapshotBodySchema().properties;
    expect(p.brand).toMatchObject({ minimum: 0, maximum: 25 });
    expect(p.industryRank).toMatchObject({ exclusiveMinimum: 0, maximum: 100 });
  });

  it("lets a spreadsheet's columns be mapped to every CSV column, by LinkedIn's names", () => {
    expect(MAPPING_FIELDS.map((f) => f.label)).toEqual([
      "Email",
      "Name",
      "Date",
      "Total SSI",
      "Establish your professional brand",
      "Find the right people",
      "Engage with insights",
      "Build relationships",
      "Industry SSI rank (Top %)",
      "Network SSI rank (Top %)",
      "Industry average SSI",
      "Network average SSI",
    ]);
    expect(MAPPING_FIELDS.filter((f) => f.required).map((f) => f.label)).toEqual([
      "Establish your professional brand",
      "Find the right people",
      "Engage with insights",
      "Build relationships",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { MAPPING_MESSAGES, parseMappingForm } from "./csv-import";

const form = (entries: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.set(k, v);
  return f;
};
const components = { "col.brand": "2", "col.people": "3", "col.insights": "4", "col.relationships": "5" };

describe("the column choices of the mapping step", () => {
  it("takes a complete choice, with a date column or one date for every row", () => {
    expect(parseMappingForm(form({ "col.email": "0", "col.measured_on": "1", dateOrder: "dmy", ...components }), 6, "2025-03-14")).toEqual({
      ok: true,
      mapping: { columns: { email: 0, measured_on: 1, brand: 2, people: 3, insights: 4, relationships: 5 }, dateOrder: "dmy" },
    });
    expect(parseMappingForm(form({ "col.name": "0", "col.measured_on": "fixed", fixedDate: "2025-03-10", ...components }), 6, "2025-03-14")).toEqual({
      ok: true,
      mapping: { columns: { name: 0, brand: 2, people: 3, insights: 4, relationships: 5 }, dateOrder: "ymd", fixedDate: "2025-03-10" },
    });
  });

  it("says on each field what is missing or chosen twice", () => {
    const r = parseMappingForm(form({ "col.brand": "2", "col.people": "2", "col.measured_on": "fixed", fixedDate: "2025-03-15" }), 6, "2025-03-14");
    expect(r.ok ? null : r.errors).toEqual({
      person: MAPPING_MESSAGES.person,
      people: MAPPING_MESSAGES.twice("Establish your professional brand"),
      insights: MAPPING_MESSAGES.component("Engage with insights"),
      relationships: MAPPING_MESSAGES.component("Build relationships"),
      fixedDate: MAPPING_MESSAGES.fixedDate,
    });
    const noDate = parseMappingForm(form({ "col.email": "0", ...components }), 6, "2025-03-14");
    expect(noDate.ok ? null : noDate.errors).toEqual({ measured_on: MAPPING_MESSAGES.date });
  });

  it("refuses a column the sheet does not have", () => {
    const r = parseMappingForm(form({ "col.email": "9", ...components }), 6, "2025-03-14");
    expect(r.ok ? null : r.errors).toEqual({ person: MAPPING_MESSAGES.tampered });
  });
});

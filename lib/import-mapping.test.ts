import { describe, expect, it } from "vitest";
import { CSV_COLUMNS } from "./csv-snapshots";
import { applyMapping, guessColumns, guessDateOrder, initialMapping, normalizeHeader, toIsoDate, toSavedMapping } from "./import-mapping";
import type { SheetTable } from "./spreadsheet/table";

const named = (header: string[]) => Object.fromEntries(Object.entries(guessColumns(header)).map(([k, i]) => [k, header[i]]));

describe("guessing which column is which from the header names", () => {
  it("maps our own export's columns one to one", () => {
    const g = guessColumns([...CSV_COLUMNS]);
    expect(g).toEqual(Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, i])));
  });

  it("maps a Sales Navigator usage report's names", () => {
    expect(named(["Seat holder", "Email", "SSI", "Professional brand", "Find the right people", "Engage with insights", "Build relationships", "Contract", "Searches"])).toEqual({
      name: "Seat holder",
      email: "Email",
      total: "SSI",
      brand: "Professional brand",
      people: "Find the right people",
      insights: "Engage with insights",
      relationships: "Build relationships",
    });
  });

  it("is not thrown by case, spacing, punctuation, accents, units or LinkedIn's long labels", () => {
    expect(
      named([" E-Mail Address ", "Full_Name", "Report Date", "Social Selling Index", "ESTABLISH YOUR PROFESSIONAL BRAND (0-25)", "Find Right People score", "engage  with insights", "Build Strong Relationships", "Industry SSI rank (%)", "Network rank", "People in your industry", "Network average SSI"]),
    ).toEqual({
      email: " E-Mail Address ",
      name: "Full_Name",
      measured_on: "Report Date",
      total: "Social Selling Index",
      brand: "ESTABLISH YOUR PROFESSIONAL BRAND (0-25)",
      people: "Find Right People score",
      insights: "engage  with insights",
      relationships: "Build Strong Relationships",
      industry_rank: "Industry SSI rank (%)",
      network_rank: "Network rank",
      industry_avg: "People in your industry",
      network_avg: "Network average SSI",
    });
  });

  it("falls back on telling words, gives each column one field at most, and leaves unknown columns alone", () => {
    expect(named(["Rep e-mail (work)", "SSI - Brand", "SSI - People", "SSI - Insights", "SSI - Relationships", "Total SSI score", "Team", "Notes"])).toEqual({
      email: "Rep e-mail (work)",
      brand: "SSI - Brand",
      people: "SSI - People",
      insights: "SSI - Insights",
      relationships: "SSI - Relationships",
      total: "Total SSI score",
    });
    // Two columns that both look like the total: the first one wins and the second stays unmapped.
    expect(named(["SSI", "Score"])).toEqual({ total: "SSI" });
    expect(normalizeHeader("  Établir  votre_MARQUE ")).toBe("etablir votre marque");
  });
});

const table = (header: string[], rows: string[][]): SheetTable => ({ header, rows: rows.map((cells, i) => ({ line: i + 2, cells })) });

describe("dates", () => {
  it("reads year-first dates in any separator, and day- or month-first ones in the chosen order", () => {
    expect(toIsoDate("2025-3-4", "dmy")).toBe("2025-03-04");
    expect(toIsoDate("2025/03/14 00:00:00", "ymd")).toBe("2025-03-14");
    expect(toIsoDate("14.03.2025", "dmy")).toBe("2025-03-14");
    expect(toIsoDate("03/14/2025", "mdy")).toBe("2025-03-14");
    expect(toIsoDate("14/03/2025", "ymd")).toBe("14/03/2025");
    expect(toIsoDate("next Monday", "dmy")).toBe("next Monday");
  });

  it("guesses day-first or month-first from the values", () => {
    expect(guessDateOrder(table(["d"], [["01/02/2025"], ["13/02/2025"]]), 0)).toBe("dmy");
    expect(guessDateOrder(table(["d"], [["01/02/2025"], ["02/13/2025"]]), 0)).toBe("mdy");
    expect(guessDateOrder(table(["d"], [["2025-02-13"]]), 0)).toBe("ymd");
  });
});

describe("applying a mapping", () => {
  const sheet = table(
    ["Who", "When", "B", "P", "I", "R", "Industry", "Junk"],
    [
      ["ana@x.test", "14/03/2025", "18,52", "16,3", "14,75", "21,4", "Top 5%", "zz"],
      ["ben@x.test", "", "1", "2", "3", "4", "", ""],
    ],
  );
  const mapping = { columns: { email: 0, measured_on: 1, brand: 2, people: 3, insights: 4, relationships: 5, industry_rank: 6 }, dateOrder: "dmy" as const };

  it("turns rows into snapshot records, with ranks as plain numbers and dates as YYYY-MM-DD", () => {
    expect(applyMapping(sheet, mapping)).toEqual([
      { line: 2, email: "ana@x.test", measured_on: "2025-03-14", brand: "18,52", people: "16,3", insights: "14,75", relationships: "21,4", industry_rank: "5" },
      { line: 3, email: "ben@x.test", brand: "1", people: "2", insights: "3", relationships: "4" },
    ]);
  });

  it("gives every row the one date when there is no date column", () => {
    const one = applyMapping(sheet, { columns: { email: 0, brand: 2, people: 3, insights: 4, relationships: 5 }, dateOrder: "ymd", fixedDate: "2025-03-10" });
    expect(one.map((r) => r.measured_on)).toEqual(["2025-03-10", "2025-03-10"]);
  });

  it("keeps a team's mapping by header name, so next week's file with moved columns maps the same", () => {
    const saved = toSavedMapping(sheet, mapping);
    expect(saved).toEqual({ columns: { email: "Who", measured_on: "When", brand: "B", people: "P", insights: "I", relationships: "R", industry_rank: "Industry" }, dateOrder: "dmy" });
    const moved = table(["Junk", "b", "Who", "P", "I", "R", "When", "Professional brand"], []);
    expect(initialMapping(moved, saved, "2025-03-14")).toEqual({
      columns: { email: 2, measured_on: 6, brand: 1, people: 3, insights: 4, relationships: 5 },
      dateOrder: "dmy",
    });
    // A mapping kept from a file without dates: one date again, today unless changed.
    const noDates = toSavedMapping(sheet, { ...mapping, columns: { email: 0, brand: 2, people: 3, insights: 4, relationships: 5 } });
    expect(initialMapping(sheet, noDates, "2025-03-14")).toMatchObject({ fixedDate: "2025-03-14", columns: { email: 0, brand: 2 } });
    expect(initialMapping(sheet, noDates, "2025-03-14").columns.measured_on).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { formatDate, formatScore, percent, shortDate, signed, weekLabel } from "./format";

describe("format", () => {
  it("signs changes with a real minus and drops the sign of what rounds to zero", () => {
    expect([signed(2.5), signed(-1), signed(0), signed(-0.04), signed(0.04), signed(null)]).toEqual(["+2.5", "−1.0", "0.0", "0.0", "0.0", "—"]);
    expect(signed(-1.234, 2)).toBe("−1.23");
  });

  it("never shows a negative zero score", () => {
    expect([formatScore(-0.01), formatScore(71.25, 2), formatScore(-3)]).toEqual(["0.0", "71.25", "-3.0"]);
  });

  it("reads ISO dates as calendar dates", () => {
    expect([formatDate("2025-03-14"), shortDate("2025-03-03"), weekLabel({ start: "2025-03-03", end: "2025-03-09" })]).toEqual([
      "14 Mar 2025",
      "3 Mar",
      "3 Mar – 9 Mar 2025",
    ]);
    expect([percent(1, 3), percent(0, 0)]).toEqual([33, 0]);
  });
});

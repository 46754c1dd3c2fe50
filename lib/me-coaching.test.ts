import { describe, expect, it } from "vitest";
import { biggestMove, coachingFocus, componentMedians } from "./me-coaching";

const v = (brand: number, people: number, insights: number, relationships: number) => ({ brand, people, insights, relationships });

describe("componentMedians", () => {
  it("takes each component's median separately (average of the middle two for an even count)", () => {
    expect(componentMedians([v(10, 20, 5, 1), v(12, 10, 7, 3), v(20, 15, 6, 2)])).toEqual(v(12, 15, 6, 2));
    expect(componentMedians([v(10, 20, 5, 1), v(12, 10, 7, 3)])).toEqual(v(11, 15, 6, 2));
    expect(componentMedians([])).toBeNull();
  });
});

describe("coachingFocus", () => {
  it("picks the component furthest below the team median, not the lowest number", () => {
    // Relationships is my lowest score, but the team is low there too; insights lags the team most.
    const mine = v(18, 16, 9, 8);
    const team = v(17, 15, 15, 7);
    expect(coachingFocus(mine, team)).toEqual({ component: "insights", gap: -6 });
  });
  it("falls back to the lowest component without a team to compare with", () => {
    expect(coachingFocus(v(18, 16, 9, 8), null)).toEqual({ component: "relationships", gap: null });
  });
});

describe("biggestMove", () => {
  it("finds the largest change either way since the earlier breakdown", () => {
    expect(biggestMove(v(18, 16, 9, 8), v(17, 16, 12, 8.5))).toEqual({ component: "insights", change: -3 });
    expect(biggestMove(v(20, 16, 9, 8), v(17, 16, 9, 8))).toEqual({ component: "brand", change: 3 });
  });
  it("is null with nothing to compare or nothing moved", () => {
    expect(biggestMove(v(1, 2, 3, 4), null)).toBeNull();
    expect(biggestMove(v(1, 2, 3, 4), v(1, 2, 3, 4))).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { planTeams } from "./seed-large-data";

describe("large seed team plan", () => {
  it("splits 10,000 people over 40 teams with exact bench teams and varied sizes", () => {
    const plans = planTeams(10_000, 40);
    expect(plans).toHaveLength(40);
    expect(plans.reduce((s, p) => s + p.people, 0)).toBe(10_000);
    expect(plans.find((p) => p.slug === "bench-1000")).toMatchObject({ people: 999, withOwner: true });
    expect(plans.find((p) => p.slug === "bench-50")).toMatchObject({ people: 49, withOwner: true });
    const others = plans.filter((p) => !p.withOwner).map((p) => p.people);
    expect(others.filter((n) => n >= 500).length).toBeGreaterThanOrEqual(3);
    expect(others.filter((n) => n >= 10 && n <= 250).length).toBeGreaterThanOrEqual(20);
    expect(new Set(plans.map((p) => p.slug)).size).toBe(40);
  });

  it("leaves out bench-1000, then bench-50, when the people would not fill every other team", () => {
    expect(planTeams(1050, 4).map((p) => p.slug)).toEqual(["bench-1000", "bench-50", "team-01", "team-02"]);
    expect(planTeams(1049, 4).map((p) => p.slug)).toEqual(["bench-50", "team-01", "team-02", "team-03"]);
    expect(planTeams(30, 3).some((p) => p.withOwner)).toBe(false);
    expect(planTeams(30, 3).reduce((s, p) => s + p.people, 0)).toBe(30);
    expect(() => planTeams(2, 3)).toThrow(/at least --teams/);
  });
});

import { describe, expect, it } from "vitest";
import {
  COMPONENT_ADVICE,
  COMPONENT_LABELS,
  COMPONENTS,
  round3,
  sumComponents,
  totalMatchesComponents,
  weakestComponent,
} from "./ssi";

describe("components", () => {
  it("lists LinkedIn's four components in LinkedIn's order with its names", () => {
    expect(COMPONENTS).toEqual(["brand", "people", "insights", "relationships"]);
    expect(COMPONENTS.map((c) => COMPONENT_LABELS[c].linkedIn)).toEqual([
      "Establish your professional brand",
      "Find the right people",
      "Engage with insights",
      "Build relationships",
    ]);
    expect(COMPONENTS.map((c) => COMPONENT_LABELS[c].short)).toEqual([
      "Brand",
      "People",
      "Insights",
      "Relationships",
    ]);
  });

  it("has coaching advice for every component", () => {
    expect(COMPONENT_ADVICE.brand).toMatch(/profile/);
    expect(COMPONENT_ADVICE.people).toMatch(/invit/);
    expect(COMPONENT_ADVICE.insights).toMatch(/comment/i);
    expect(COMPONENT_ADVICE.relationships).toMatch(/conversations/);
  });
});

describe("sumComponents", () => {
  it("adds the four components without floating-point noise", () => {
    expect(sumComponents({ brand: 18.52, people: 12.1, insights: 9.33, relationships: 20.05 })).toBe(60);
    expect(sumComponents({ brand: 0.1, people: 0.2, insights: 0, relationships: 0 })).toBe(0.3);
  });
});

describe("totalMatchesComponents", () => {
  it("accepts a total within 0.5 of the sum, inclusive", () => {
    expect(totalMatchesComponents(71, 70.5)).toBe(true);
    expect(totalMatchesComponents(70, 70.5)).toBe(true);
    expect(totalMatchesComponents(60, 60)).toBe(true);
  });

  it("rejects a total further than 0.5 from the sum", () => {
    expect(totalMatchesComponents(71, 70.499)).toBe(false);
    expect(totalMatchesComponents(69.9, 70.5)).toBe(false);
  });
});

describe("weakestComponent", () => {
  it("returns the lowest component", () => {
    expect(weakestComponent({ brand: 18, people: 12, insights: 5.5, relationships: 20 })).toBe("insights");
  });

  it("breaks ties in LinkedIn's order", () => {
    expect(weakestComponent({ brand: 10, people: 8, insights: 12, relationships: 8 })).toBe("people");
    expect(weakestComponent({ brand: 5, people: 5, insights: 5, relationships: 5 })).toBe("brand");
  });

  it("compares against a reference such as the team median", () => {
    const me = { brand: 20, people: 10, insights: 8, relationships: 18 };
    const median = { brand: 22, people: 9, insights: 7, relationships: 17 };
    // Lowest absolute is insights, but relative to the team brand lags the most (-2).
    expect(weakestComponent(me, median)).toBe("brand");
  });

  it("treats differences equal at stored precision as ties", () => {
    const me = { brand: 18.1, people: 5.1, insights: 20, relationships: 20 };
    const ref = { brand: 18, people: 5, insights: 19, relationships: 19 };
    expect(weakestComponent(me, ref)).toBe("brand");
  });
});

describe("round3", () => {
  it("rounds to three decimals and never returns -0", () => {
    expect(round3(18.5234)).toBe(18.523);
    expect(round3(18.5236)).toBe(18.524);
    expect(Object.is(round3(-0.0001), 0)).toBe(true);
  });
});

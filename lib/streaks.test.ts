import { describe, expect, it } from "vitest";
import { weeklyStreak } from "./streaks";

// 2025-03-12 is a Wednesday; its Monday-start week begins 2025-03-10.
const TODAY = "2025-03-12";

describe("weeklyStreak", () => {
  it("is zero with no scores", () => {
    expect(weeklyStreak([], TODAY)).toEqual({ current: 0, longest: 0, thisWeek: false });
  });

  it("counts consecutive weeks ending this week, one score per week being enough", () => {
    const dates = ["2025-03-10", "2025-03-11", "2025-03-07", "2025-02-24", "2025-02-17"];
    // weeks of 03-10, 03-03, 02-24, 02-17: four in a row
    expect(weeklyStreak(dates, TODAY)).toEqual({ current: 4, longest: 4, thisWeek: true });
  });

  it("keeps the streak alive while this week has no score yet", () => {
    expect(weeklyStreak(["2025-03-09", "2025-03-02"], TODAY)).toEqual({ current: 2, longest: 2, thisWeek: false });
  });

  it("is broken by a whole week without a score, while the longest run is remembered", () => {
    const dates = ["2025-03-11", "2025-02-25", "2025-02-18", "2025-02-11"];
    expect(weeklyStreak(dates, TODAY)).toEqual({ current: 1, longest: 3, thisWeek: true });
    expect(weeklyStreak(["2025-02-25"], TODAY).current).toBe(0);
  });

  it("starts weeks on Monday: a Sunday and the next Monday are two different weeks", () => {
    expect(weeklyStreak(["2025-03-09", "2025-03-10"], TODAY)).toMatchObject({ current: 2 });
    // With Sunday-start weeks the same two days are one week.
    expect(weeklyStreak(["2025-03-09", "2025-03-10"], TODAY, 7)).toMatchObject({ current: 1 });
  });

  it("ignores dates after today (a score dated ahead in another time zone)", () => {
    expect(weeklyStreak(["2025-03-17"], TODAY)).toEqual({ current: 0, longest: 0, thisWeek: false });
  });

  it("crosses year boundaries", () => {
    expect(weeklyStreak(["2024-12-30", "2024-12-27", "2025-01-06"], "2025-01-07").current).toBe(3);
  });
});

import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { linearTrend, projectGoal, type TrendPoint } from "./goals";

const TODAY = "2025-06-30";
/** One score a week for `weeks` weeks up to today, starting at `start` and changing by `perWeek`. */
const weekly = (weeks: number, start: number, perWeek: number): TrendPoint[] =>
  Array.from({ length: weeks }, (_, i) => ({ date: addDays(TODAY, -7 * (weeks - 1 - i)), value: start + perWeek * i }));

describe("linearTrend", () => {
  it("fits a straight line exactly", () => {
    const t = linearTrend(weekly(5, 50, 1))!;
    expect(t.perDay * 7).toBeCloseTo(1, 9);
    expect(t.at(TODAY)).toBeCloseTo(54, 9);
  });
  it("needs two different dates", () => {
    expect(linearTrend([{ date: TODAY, value: 5 }])).toBeNull();
    expect(linearTrend([{ date: TODAY, value: 5 }, { date: TODAY, value: 6 }])).toBeNull();
  });
});

describe("projectGoal", () => {
  const base = { baseline: 50, target: 60, targetDate: addDays(TODAY, 70), today: TODAY };

  it("projects the date the rising trend reaches the target, on track before the target date", () => {
    const points = weekly(8, 47, 1); // 47 … 54, +1 a week
    const p = projectGoal({ ...base, points, current: 54 });
    expect(p.status).toBe("on-track");
    expect(p.perWeek).toBeCloseTo(1, 6);
    expect(p.projectedDate).toBe(addDays(TODAY, 42)); // 6 points to go at 1 a week
    expect(p.progress).toBeCloseTo(0.4, 6);
    expect(p.neededPerWeek).toBeCloseTo(0.6, 6);
  });

  it("is late when the trend gets there after the target date", () => {
    const p = projectGoal({ ...base, targetDate: addDays(TODAY, 14), points: weekly(8, 47, 1), current: 54 });
    expect(p.status).toBe("late");
    expect(p.projectedDate! > addDays(TODAY, 14)).toBe(true);
  });

  it("is not on track when the trend is flat or falling", () => {
    expect(projectGoal({ ...base, points: weekly(8, 55, 0), current: 55 })).toMatchObject({ status: "not-on-track", projectedDate: null });
    expect(projectGoal({ ...base, points: weekly(8, 58, -0.5), current: 54.5 })).toMatchObject({ status: "not-on-track", projectedDate: null });
  });

  it("uses only the last eight weeks: an old climb does not count", () => {
    const old = weekly(20, 30, 2).slice(0, 10).map((p) => ({ ...p, date: addDays(p.date, -200) }));
    const p = projectGoal({ ...base, points: [...old, ...weekly(8, 55, 0)], current: 55 });
    expect(p.status).toBe("not-on-track");
  });

  it("is reached once the current score is at the target, and has no trend with one score", () => {
    expect(projectGoal({ ...base, points: weekly(3, 58, 1), current: 60 })).toMatchObject({ status: "reached", progress: 1, neededPerWeek: null });
    expect(projectGoal({ ...base, points: [{ date: TODAY, value: 52 }], current: 52 })).toMatchObject({ status: "no-trend", perWeek: null });
  });

  it("clamps progress between 0 and 1 when the score fell below the baseline", () => {
    expect(projectGoal({ ...base, points: weekly(8, 52, -0.3), current: 48 }).progress).toBe(0);
  });
});

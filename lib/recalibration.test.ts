import { describe, expect, it } from "vitest";
import { detectRecalibration, medianOf } from "./recalibration";

describe("detectRecalibration", () => {
  it("flags a week where most members drop by a similar amount", () => {
    const v = detectRecalibration([-4.1, -3.8, -4.5, -5, -3.9, 1.2]);
    expect(v).toMatchObject({ likely: true, direction: "down", medianChange: -4, similar: 5, compared: 6 });
  });

  it("flags a team-wide rise too", () => {
    expect(detectRecalibration([6, 5.5, 7, 6.2])).toMatchObject({ likely: true, direction: "up", similar: 4 });
  });

  it("does not flag ordinary noise: small changes in both directions", () => {
    const v = detectRecalibration([-1, 0.5, 2, -0.4, 1.1, -2]);
    expect(v.likely).toBe(false);
  });

  it("does not flag a large median move when the members scatter widely", () => {
    // The median is -5, but only two of five are within the band of it.
    const v = detectRecalibration([-5, -15, -4.8, 2, -12]);
    expect(v).toMatchObject({ likely: false, medianChange: -5, similar: 2, compared: 5 });
  });

  it("needs at least 60% of the members moving together", () => {
    // 3 of 5 (60%) are similar: flagged; 3 of 6 (50%) are not.
    expect(detectRecalibration([-4, -4.2, -3.9, 3, 5]).likely).toBe(true);
    expect(detectRecalibration([-4, -4.2, -3.9, 3, 5, 0]).likely).toBe(false);
  });

  it("needs a median change of at least 3 points", () => {
    expect(detectRecalibration([-2.9, -2.9, -2.9, -2.9]).likely).toBe(false);
    expect(detectRecalibration([-3, -3, -3, -3]).likely).toBe(true);
  });

  it("does not judge a week with fewer than three members compared", () => {
    expect(detectRecalibration([-6, -6])).toMatchObject({ likely: false, compared: 2 });
    expect(detectRecalibration([])).toEqual({ likely: false, direction: null, medianChange: null, similar: 0, compared: 0 });
  });
});

describe("medianOf", () => {
  it("averages the two middle values of an even count", () => {
    expect(medianOf([4, 1, 3, 2])).toBe(2.5);
    expect(medianOf([7])).toBe(7);
    expect(medianOf([])).toBeNull();
  });

  it("is the middle of the sorted values for any list (duplicates, negatives, odd and even counts)", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 1; n <= 400; n++) {
      const values = Array.from({ length: 1 + (n % 60) }, () => Math.round((random() * 20 - 10) * 2) / 2 + 0); // + 0: no -0 (the database never gives one)
      const sorted = [...values].sort((a, b) => a - b);
      const m = sorted.length >> 1;
      expect(medianOf(values)).toBe(sorted.length % 2 ? sorted[m] : (sorted[m - 1]! + sorted[m]!) / 2);
    }
    const input = [3, 1, 2];
    medianOf(input);
    expect(input).toEqual([3, 1, 2]); // the caller's list is left as it was
  });
});

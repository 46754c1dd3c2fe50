import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  freshnessLabel,
  isIsoDate,
  isoWeekday,
  isValidTimeZone,
  todayInZone,
  weekStartOf,
} from "./dates";

describe("todayInZone", () => {
  it("gives different dates on either side of the date line at the same instant", () => {
    const instant = new Date("2024-06-15T10:30:00Z");
    expect(todayInZone("Pacific/Kiritimati", instant)).toBe("2024-06-16"); // UTC+14
    expect(todayInZone("Pacific/Pago_Pago", instant)).toBe("2024-06-14"); // UTC-11
    expect(todayInZone("UTC", instant)).toBe("2024-06-15");
  });

  it("follows daylight saving time at midnight", () => {
    // 22:30 UTC is already the next day in Berlin in summer (UTC+2), but not in winter (UTC+1).
    expect(todayInZone("Europe/Berlin", new Date("2024-06-30T22:30:00Z"))).toBe("2024-07-01");
    expect(todayInZone("Europe/Berlin", new Date("2024-01-31T22:30:00Z"))).toBe("2024-01-31");
  });
});

describe("isValidTimeZone", () => {
  it("accepts IANA names and rejects unknowns and offsets", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("America/Argentina/Buenos_Aires")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Europe/Atlantis")).toBe(false);
    expect(isValidTimeZone("+01:00")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
    expect(isValidTimeZone("Berlin time")).toBe(false);
  });
});

describe("isIsoDate", () => {
  it("accepts real calendar dates only", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2024-13-01")).toBe(false);
    expect(isIsoDate("2024-1-01")).toBe(false);
    expect(isIsoDate("01/02/2024")).toBe(false);
  });
});

describe("addDays and daysBetween", () => {
  it("crosses month, year and leap-day boundaries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-02-29", 1)).toBe("2024-03-01");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2024-01-01", -1)).toBe("2023-12-31");
    expect(addDays("2024-06-15", -7)).toBe("2024-06-08");
  });

  it("counts calendar days across DST changes without drift", () => {
    // Europe switched to summer time on 2024-03-31; a UTC-based day count is unaffected.
    expect(daysBetween("2024-03-30", "2024-04-01")).toBe(2);
    expect(daysBetween("2024-10-26", "2024-10-28")).toBe(2);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2024-06-15", "2024-06-01")).toBe(-14);
  });

  it("rejects strings that are not ISO dates", () => {
    expect(() => addDays("2024-02-30", 1)).toThrow(RangeError);
    expect(() => daysBetween("yesterday", "2024-01-01")).toThrow(RangeError);
  });
});

describe("weekStartOf", () => {
  // 2024-06-12 is a Wednesday.
  it("finds Monday for Monday-start weeks", () => {
    expect(isoWeekday("2024-06-12")).toBe(3);
    expect(weekStartOf("2024-06-12", 1)).toBe("2024-06-10");
    expect(weekStartOf("2024-06-10", 1)).toBe("2024-06-10");
    expect(weekStartOf("2024-06-16", 1)).toBe("2024-06-10"); // Sunday belongs to the week before
  });

  it("finds Sunday for Sunday-start weeks", () => {
    expect(weekStartOf("2024-06-12", 7)).toBe("2024-06-09");
    expect(weekStartOf("2024-06-16", 7)).toBe("2024-06-16");
    expect(weekStartOf("2024-06-15", 7)).toBe("2024-06-09");
  });

  it("handles a week starting later in the week and across a year boundary", () => {
    expect(weekStartOf("2024-06-12", 4)).toBe("2024-06-06"); // Thursday start
    expect(weekStartOf("2025-01-01", 1)).toBe("2024-12-30");
  });

  it("rejects a weekday outside 1–7", () => {
    expect(() => weekStartOf("2024-06-12", 0)).toThrow(RangeError);
    expect(() => weekStartOf("2024-06-12", 8)).toThrow(RangeError);
  });
});

describe("freshnessLabel", () => {
  it.each([
    [0, "today"],
    [1, "yesterday"],
    [2, "2 days ago"],
    [13, "13 days ago"],
    [14, "2 weeks ago"],
    [21, "3 weeks ago"],
    [59, "8 weeks ago"],
    [60, "2 months ago"],
    [364, "12 months ago"],
    [365, "over a year ago"],
    [800, "over 2 years ago"],
    [-1, "in the future"],
  ])("%i days → %s", (days, label) => {
    expect(freshnessLabel(days)).toBe(label);
  });
});

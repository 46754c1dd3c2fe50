import { describe, expect, it } from "vitest";
import { fieldErrors } from "./snapshot";
import { TEAM_MESSAGES as M, teamInput } from "./team";

function parseForm(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return teamInput.safeParse(Object.fromEntries(fd));
}

describe("teamInput", () => {
  it("trims the name and applies defaults for blank settings", () => {
    const result = parseForm({
      name: "  Sales EMEA ",
      timeZone: "Europe/Berlin",
      weekStart: "",
      staleDays: "",
      digestDay: "",
      digestHour: "",
    });
    expect(result.data).toEqual({
      name: "Sales EMEA",
      timeZone: "Europe/Berlin",
      weekStart: 1,
      staleDays: 14,
      digestDay: 1,
      digestHour: 8,
    });
  });

  it("applies defaults when the settings are absent and reads given integers", () => {
    expect(teamInput.safeParse({ name: "AB", timeZone: "UTC" }).data).toMatchObject({
      weekStart: 1,
      staleDays: 14,
    });
    const r = parseForm({
      name: "AB",
      timeZone: "America/New_York",
      weekStart: "7",
      staleDays: "90",
      digestDay: "5",
      digestHour: "0",
    });
    expect(r.data).toMatchObject({ weekStart: 7, staleDays: 90, digestDay: 5, digestHour: 0 });
  });

  it("stores the canonical spelling of a time zone", () => {
    expect(teamInput.safeParse({ name: "AB", timeZone: "europe/berlin" }).data?.timeZone).toBe(
      "Europe/Berlin",
    );
  });

  it("explains a bad name", () => {
    expect(fieldErrors(teamInput.safeParse({ name: "   ", timeZone: "UTC" })).name).toEqual([M.nameMissing]);
    expect(fieldErrors(teamInput.safeParse({ name: " A ", timeZone: "UTC" })).name).toEqual([
      "Use at least 2 characters for the team name.",
    ]);
    expect(fieldErrors(teamInput.safeParse({ name: "x".repeat(61), timeZone: "UTC" })).name).toEqual([
      M.nameLong,
    ]);
    expect(teamInput.safeParse({ name: "x".repeat(60), timeZone: "UTC" }).success).toBe(true);
  });

  it("rejects unknown time zones and offsets", () => {
    for (const timeZone of ["Europe/Atlantis", "+01:00", "", "CEST time"]) {
      expect(fieldErrors(teamInput.safeParse({ name: "AB", timeZone })).timeZone).toEqual([
        "Pick a valid time zone, e.g. Europe/Berlin.",
      ]);
    }
    expect(fieldErrors(teamInput.safeParse({ name: "AB" })).timeZone).toEqual([M.timeZone]);
  });

  it("rejects settings out of range or not whole numbers, naming the setting", () => {
    const errors = fieldErrors(
      parseForm({
        name: "AB",
        timeZone: "UTC",
        weekStart: "0",
        staleDays: "91",
        digestDay: "1.5",
        digestHour: "24",
      }),
    );
    expect(errors).toEqual({
      weekStart: [M.weekStart],
      staleDays: [M.staleDays],
      digestDay: [M.digestDay],
      digestHour: [M.digestHour],
    });
    expect(fieldErrors(parseForm({ name: "AB", timeZone: "UTC", staleDays: "two weeks" })).staleDays).toEqual(
      ["The staleness window must be a whole number of days from 1 to 90."],
    );
  });
});

import { describe, expect, it } from "vitest";
import { remindOutcomes } from "./dashboard";

describe("the not-submitted list's Remind outcomes (one form, a button per row)", () => {
  it("shows each result beside the rows it names and keeps earlier rows' results", () => {
    const first = remindOutcomes({}, { ok: true, userIds: ["sue"], message: "Reminder queued." });
    expect(first).toEqual({ sue: { ok: true, userIds: ["sue"], message: "Reminder queued." } });
    const second = remindOutcomes(first, { userIds: ["max"], message: "Not sent: they have turned reminders from managers off." });
    expect(second.sue?.message).toBe("Reminder queued.");
    expect(second.max).toMatchObject({ message: "Not sent: they have turned reminders from managers off." });
    expect(second.max?.ok).toBeUndefined();
  });

  it("puts a result that names nobody (the form's own error, or the initial state) beside no row", () => {
    const before = { sue: { ok: true, userIds: ["sue"], message: "Reminder queued." } };
    expect(remindOutcomes(before, { message: "Pick someone to remind." })).toBe(before);
    expect(remindOutcomes({}, {})).toEqual({});
  });
});

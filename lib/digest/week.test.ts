import { describe, expect, it } from "vitest";
import { dueDigestWeek, lastCompletedWeek, weekOf } from "./week";

const team = (o: Partial<{ timeZone: string; weekStart: number; digestDay: number; digestHour: number }> = {}) => ({
  timeZone: "UTC",
  weekStart: 1,
  digestDay: 1,
  digestHour: 8,
  ...o,
});

describe("digest weeks", () => {
  it("reports on the week that just ended in the team's zone, not the server's", () => {
    // 2025-01-12T19:30Z is Monday 08:30 in Auckland (UTC+13) but still Sunday in UTC.
    const now = new Date("2025-01-12T19:30:00Z");
    expect(lastCompletedWeek(team({ timeZone: "Pacific/Auckland" }), now)).toEqual({ start: "2025-01-06", end: "2025-01-12" });
    expect(lastCompletedWeek(team(), now)).toEqual({ start: "2024-12-30", end: "2025-01-05" });
  });

  it("is due from the digest day and hour on, local time, through the rest of the week", () => {
    const hnl = team({ timeZone: "Pacific/Honolulu" }); // UTC−10
    expect(dueDigestWeek(hnl, new Date("2025-03-10T17:59:00Z"))).toBeNull(); // Mon 07:59 there
    expect(dueDigestWeek(hnl, new Date("2025-03-10T18:00:00Z"))).toEqual({ start: "2025-03-03", end: "2025-03-09" }); // Mon 08:00
    expect(dueDigestWeek(hnl, new Date("2025-03-15T12:00:00Z"))).toEqual({ start: "2025-03-03", end: "2025-03-09" }); // Sat: late, still that week
    // Sun 9 Mar 23:00 there: 3–9 Mar has not ended, so the due digest is still the one for 24 Feb – 2 Mar.
    expect(dueDigestWeek(hnl, new Date("2025-03-10T09:00:00Z"))).toEqual({ start: "2025-02-24", end: "2025-03-02" });
  });

  it("handles a Sunday week start with a Friday digest", () => {
    const t = team({ weekStart: 7, digestDay: 5, digestHour: 17 });
    // Week Sun 9 – Sat 15 Mar 2025; its digest day is Fri 14 Mar at 17:00; it reports on Sun 2 – Sat 8 Mar.
    expect(dueDigestWeek(t, new Date("2025-03-14T16:59:00Z"))).toBeNull();
    expect(dueDigestWeek(t, new Date("2025-03-14T17:00:00Z"))).toEqual({ start: "2025-03-02", end: "2025-03-08" });
    expect(weekOf("2025-03-05", 7)).toEqual({ start: "2025-03-02", end: "2025-03-08" });
  });
});

import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/dates";
import { challengeAnnouncements, type AnnouncedChallenge } from "./announcements";

const c = (id: string, startsOn: string, endsOn: string): AnnouncedChallenge => ({ id, name: id, kind: "improved", metric: "total", target: null, startsOn, endsOn });
const SEND = "2025-03-10"; // a Monday

describe("challenge announcements in a digest", () => {
  it("announces the start ahead, the start, the final stretch and the result, one line each", () => {
    const list = [
      c("ahead", "2025-03-12", "2025-04-10"),
      c("began", "2025-03-05", "2025-04-10"),
      c("ending", "2025-02-01", "2025-03-12"),
      c("done", "2025-02-01", "2025-03-09"),
      c("old", "2025-01-01", "2025-03-02"),
      c("later", "2025-03-17", "2025-04-30"),
      c("middle", "2025-02-01", "2025-04-30"),
    ];
    const a = challengeAnnouncements(list, SEND, new Map([["done", ["Lea", "Raj"]]]));
    expect(a.map((x) => [x.challengeId, x.event])).toEqual([
      ["done", "result"],
      ["ending", "final"],
      ["began", "started"],
      ["ahead", "starting"],
    ]);
    expect(a[0]!.text).toBe("“done” ended on 9 Mar 2025. Winners: Lea, Raj.");
    expect(a[1]!.text).toBe("Final stretch: “ending” ends on 12 Mar 2025, 3 days left.");
  });

  it("says so when nobody could be ranked", () => {
    expect(challengeAnnouncements([c("x", "2025-03-01", "2025-03-08")], SEND, new Map())[0]!.text).toContain("Nobody could be ranked.");
  });

  it("gives every challenge its result exactly once over consecutive weekly digests, and its final stretch once", () => {
    for (let end = 0; end < 21; end++) {
      const ch = c("x", "2025-02-01", addDays("2025-03-01", end));
      const events = [-14, -7, 0, 7, 14, 21, 28].flatMap((w) => challengeAnnouncements([ch], addDays(SEND, w), new Map()).map((x) => x.event));
      expect(events.filter((e) => e === "result"), `end +${end}`).toHaveLength(1);
      expect(events.filter((e) => e === "final"), `end +${end}`).toHaveLength(1);
    }
  });
});

import { describe, expect, it } from "vitest";
import { challengePhase, daysLeft, mean3, rankParticipants, rankTeams, type ChallengeRules, type Participant } from "./rules";

const snap = (measuredOn: string, total: number, brand = total / 4) => ({
  measuredOn,
  total,
  brand,
  people: total / 4,
  insights: total / 4,
  relationships: total / 4,
});
const member = (userId: string, snaps: [string, number][], joinedOn = "2025-01-01"): Participant => ({
  userId,
  joinedOn,
  snapshots: snaps.map(([d, t]) => snap(d, t)),
});
const improved: ChallengeRules = { kind: "improved", metric: "total", target: null, startsOn: "2025-03-01", endsOn: "2025-03-31", staleDays: 14 };
const race: ChallengeRules = { ...improved, kind: "race", target: 70 };
const ranks = (r: ReturnType<typeof rankParticipants>) => r.map((e) => [e.userId, e.rank, e.improvement]);

describe("most improved", () => {
  it("ranks a rep at 40 climbing 8 above a rep at 85 climbing 1", () => {
    const r = rankParticipants(
      [member("top", [["2025-02-28", 85], ["2025-03-20", 86]]), member("climber", [["2025-03-01", 40], ["2025-03-20", 48]])],
      improved,
      "2025-03-25",
    );
    expect(ranks(r)).toEqual([["climber", 1, 8], ["top", 2, 1]]);
  });

  it("gives equal improvements the same rank, standard competition style", () => {
    const r = rankParticipants(
      [
        member("a", [["2025-03-01", 50], ["2025-03-10", 55]]),
        member("b", [["2025-03-01", 60], ["2025-03-10", 65]]),
        member("c", [["2025-03-01", 60], ["2025-03-10", 61]]),
      ],
      improved,
      "2025-03-31",
    );
    expect(ranks(r)).toEqual([["a", 1, 5], ["b", 1, 5], ["c", 3, 1]]);
  });

  it("lists a participant with no starting score, unranked, instead of dropping them", () => {
    const r = rankParticipants([member("a", [["2025-03-01", 50], ["2025-03-10", 52]]), member("late", [["2025-03-05", 70]])], improved, "2025-03-31");
    expect(r.map((e) => [e.userId, e.rank, e.baseline, e.current?.value])).toEqual([
      ["a", 1, { on: "2025-03-01", value: 50 }, 52],
      ["late", null, null, 70],
    ]);
  });

  it("gives someone who joined during the challenge, with no starting score, the baseline of their first score since the start", () => {
    const joiner = member("new", [["2025-01-20", 30], ["2025-03-12", 60], ["2025-03-20", 64]], "2025-03-10");
    const [e] = rankParticipants([joiner], improved, "2025-03-31");
    expect(e).toMatchObject({ joiner: true, baseline: { on: "2025-03-12", value: 60 }, improvement: 4, rank: 1 });
    // A member from before the start with the same scores has no starting score.
    const [old] = rankParticipants([{ ...joiner, joinedOn: "2025-03-01" }], improved, "2025-03-31");
    expect(old).toMatchObject({ joiner: false, baseline: null, improvement: null, rank: null });
    // A joiner who has a score before the start (snapshots belong to the person) starts from it, like everyone.
    const [known] = rankParticipants([member("known", [["2025-02-20", 30], ["2025-03-20", 64]], "2025-03-10")], improved, "2025-03-31");
    expect(known).toMatchObject({ joiner: true, baseline: { on: "2025-02-20", value: 30 }, improvement: 34 });
  });

  it("does not accept a stale baseline: older than the staleness window before the start is no starting score", () => {
    const r = rankParticipants([member("old", [["2025-02-14", 40], ["2025-03-20", 60]]), member("ok", [["2025-02-15", 40], ["2025-03-20", 41]])], improved, "2025-03-31");
    expect(ranks(r)).toEqual([["ok", 1, 1], ["old", null, null]]);
  });

  it("counts the latest score up to the end, even an old one, and nothing after the end", () => {
    const p = member("a", [["2025-03-01", 50], ["2025-03-02", 58], ["2025-04-02", 90]]);
    const [e] = rankParticipants([p], improved, "2025-04-20");
    expect(e).toMatchObject({ current: { on: "2025-03-02", value: 58 }, improvement: 8 });
    // While running, up to today.
    const [running] = rankParticipants([member("a", [["2025-03-01", 50], ["2025-03-02", 58], ["2025-03-09", 61]])], improved, "2025-03-05");
    expect(running?.improvement).toBe(8);
  });

  it("measures one component when the challenge counts a component", () => {
    const c = { ...improved, metric: "brand" as const };
    const p: Participant = { userId: "a", joinedOn: "2025-01-01", snapshots: [snap("2025-03-01", 60, 10), snap("2025-03-10", 60, 12.5)] };
    expect(rankParticipants([p], c, "2025-03-31")[0]).toMatchObject({ baseline: { value: 10 }, improvement: 2.5 });
  });
});

describe("race to a target", () => {
  it("ranks by the date the target was reached, then by distance left", () => {
    const r = rankParticipants(
      [
        member("second", [["2025-03-01", 60], ["2025-03-12", 71]]),
        member("first", [["2025-03-01", 60], ["2025-03-05", 70]]),
        member("tied", [["2025-03-12", 75]]),
        member("close", [["2025-03-01", 60], ["2025-03-15", 68.5]]),
        member("far", [["2025-02-25", 50]]),
        member("nobody", []),
      ],
      race,
      "2025-03-31",
    );
    expect(r.map((e) => [e.userId, e.rank, e.reachedOn, e.distance])).toEqual([
      ["first", 1, "2025-03-05", 0],
      ["second", 2, "2025-03-12", 0],
      ["tied", 2, "2025-03-12", 0],
      ["close", 4, null, 1.5],
      ["far", 5, null, 20],
      ["nobody", null, null, null],
    ]);
  });

  it("keeps the reached date after the score falls back below the target; a score before the start does not reach it", () => {
    const r = rankParticipants([member("dip", [["2025-03-03", 72], ["2025-03-10", 65]]), member("early", [["2025-02-28", 80]])], race, "2025-03-31");
    expect(r.map((e) => [e.userId, e.rank, e.reachedOn, e.distance])).toEqual([
      ["dip", 1, "2025-03-03", 5],
      ["early", 2, null, 0],
    ]);
  });
});

describe("team against team", () => {
  it("ranks teams by the average improvement of members with a baseline, and counts the others", () => {
    const versus = { ...improved, kind: "versus" as const };
    const t = rankTeams(
      [
        { teamId: "big", participants: [member("a", [["2025-03-01", 80], ["2025-03-20", 81]]), member("b", [["2025-03-01", 82], ["2025-03-20", 84]])] },
        { teamId: "small", participants: [member("c", [["2025-03-01", 40], ["2025-03-20", 45]]), member("d", [["2025-03-20", 50]])] },
        { teamId: "empty", participants: [] },
      ],
      versus,
      "2025-03-31",
    );
    expect(t.map((s) => [s.teamId, s.rank, s.average, s.counted, s.participants])).toEqual([
      ["small", 1, 5, 1, 2],
      ["big", 2, 1.5, 2, 2],
      ["empty", null, null, 0, 0],
    ]);
  });

  it("averages exactly, rounding half away from zero at the third decimal", () => {
    expect(mean3([0.001, 0])).toBe(0.001);
    expect(mean3([-0.001, 0])).toBe(-0.001);
    expect(mean3([1, 2, 2])).toBe(1.667);
    expect(mean3([])).toBeNull();
  });
});

describe("phases", () => {
  it("is upcoming, running (with days left counting today) and ended", () => {
    expect(challengePhase(improved, "2025-02-28")).toBe("upcoming");
    expect(challengePhase(improved, "2025-03-31")).toBe("running");
    expect(daysLeft(improved, "2025-03-31")).toBe(1);
    expect(daysLeft(improved, "2025-03-01")).toBe(31);
    expect(challengePhase(improved, "2025-04-01")).toBe("ended");
    expect(daysLeft(improved, "2025-04-01")).toBe(0);
  });
});

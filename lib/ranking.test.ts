import { describe, expect, it } from "vitest";
import { competitionRanks, rankChange, rankTeam, rankTeamWithChange, type RankableSnapshot } from "./ranking";

/** A snapshot whose total is split evenly over the components unless given. */
function snap(measuredOn: string, total: number, parts: Partial<RankableSnapshot> = {}): RankableSnapshot {
  const q = total / 4;
  return { measuredOn, total, brand: q, people: q, insights: q, relationships: q, ...parts };
}

describe("competitionRanks", () => {
  it("ranks highest first, in input order, with ties sharing a rank (1, 2, 2, 4)", () => {
    expect(competitionRanks([70, 80, 70, 60])).toEqual([2, 1, 2, 4]);
    expect(competitionRanks([90, 80, 80, 70])).toEqual([1, 2, 2, 4]);
    expect(competitionRanks([50, 50, 50])).toEqual([1, 1, 1]);
    expect(competitionRanks([])).toEqual([]);
  });

  it("ties values that are equal at three decimals", () => {
    expect(competitionRanks([70.0001, 70, 69.999])).toEqual([1, 1, 3]);
    expect(competitionRanks([0.1 + 0.2, 0.3])).toEqual([1, 1]);
  });
});

describe("rankTeam", () => {
  const asOf = "2024-06-15";

  it("ranks fresh members with competition ties, then by userId", () => {
    const { ranked } = rankTeam(
      [
        { userId: "d", snapshots: [snap("2024-06-14", 60)] },
        { userId: "c", snapshots: [snap("2024-06-15", 75)] },
        { userId: "a", snapshots: [snap("2024-06-10", 75)] },
        { userId: "b", snapshots: [snap("2024-06-12", 80)] },
      ],
      asOf,
      14,
    );
    expect(ranked.map((r) => [r.userId, r.rank, r.value])).toEqual([
      ["b", 1, 80],
      ["a", 2, 75],
      ["c", 2, 75],
      ["d", 4, 60],
    ]);
    expect(ranked.find((r) => r.userId === "a")).toMatchObject({ measuredOn: "2024-06-10", daysAgo: 5 });
  });

  it("uses each member's latest snapshot at or before the as-of date, ignoring later ones", () => {
    const member = {
      userId: "u1",
      snapshots: [snap("2024-06-01", 50), snap("2024-06-10", 55), snap("2024-06-20", 90)],
    };
    expect(rankTeam([member], asOf, 14).ranked[0]).toMatchObject({ value: 55, measuredOn: "2024-06-10" });
    expect(rankTeam([member], "2024-06-20", 14).ranked[0]).toMatchObject({ value: 90, daysAgo: 0 });
  });

  it("ranks a snapshot exactly staleDays old and lists one a day older as stale", () => {
    const result = rankTeam(
      [
        { userId: "edge", snapshots: [snap("2024-06-01", 40)] }, // 14 days before asOf
        { userId: "old", snapshots: [snap("2024-05-31", 99)] }, // 15 days before asOf
      ],
      asOf,
      14,
    );
    expect(result.ranked.map((r) => r.userId)).toEqual(["edge"]);
    expect(result.ranked[0]?.rank).toBe(1);
    expect(result.stale).toEqual([{ userId: "old", measuredOn: "2024-05-31", daysAgo: 15 }]);
  });

  it("lists never-submitted members, including those whose only snapshots are after the as-of date", () => {
    const result = rankTeam(
      [
        { userId: "z", snapshots: [] },
        { userId: "future", snapshots: [snap("2024-06-16", 70)] },
        { userId: "m", snapshots: [snap("2024-06-15", 30)] },
      ],
      asOf,
      14,
    );
    expect(result.never).toEqual([{ userId: "future" }, { userId: "z" }]);
    expect(result.ranked.map((r) => r.userId)).toEqual(["m"]);
    expect(result.stale).toEqual([]);
  });

  it("orders stale members by how long ago they submitted", () => {
    const { stale } = rankTeam(
      [
        { userId: "a", snapshots: [snap("2024-01-01", 10)] },
        { userId: "b", snapshots: [snap("2024-05-01", 10)] },
      ],
      asOf,
      14,
    );
    expect(stale.map((s) => s.userId)).toEqual(["b", "a"]);
  });

  it("ranks by a single component when asked", () => {
    const members = [
      {
        userId: "a",
        snapshots: [snap("2024-06-15", 80, { brand: 10, people: 25, insights: 25, relationships: 20 })],
      },
      {
        userId: "b",
        snapshots: [snap("2024-06-15", 60, { brand: 20, people: 10, insights: 10, relationships: 20 })],
      },
    ];
    expect(rankTeam(members, asOf, 14, "brand").ranked.map((r) => [r.userId, r.value])).toEqual([
      ["b", 20],
      ["a", 10],
    ]);
    expect(rankTeam(members, asOf, 14, "relationships").ranked.map((r) => r.rank)).toEqual([1, 1]);
  });
});

describe("rankChange", () => {
  it("is previous minus current: positive when moving up", () => {
    expect(rankChange(2, 5)).toBe(3);
    expect(rankChange(4, 1)).toBe(-3);
    expect(rankChange(3, 3)).toBe(0);
  });

  it('is "new" when there was no rank a week earlier', () => {
    expect(rankChange(1, undefined)).toBe("new");
    expect(rankChange(1, null)).toBe("new");
  });
});

describe("rankTeamWithChange", () => {
  it("compares against the ranking at the same point one week earlier", () => {
    const asOf = "2024-06-15"; // a week earlier: 2024-06-08
    const result = rankTeamWithChange(
      [
        // 2nd a week ago, 1st now: up 1.
        { userId: "climber", snapshots: [snap("2024-06-07", 60), snap("2024-06-14", 90)] },
        // 1st a week ago, 2nd now: down 1.
        { userId: "leader", snapshots: [snap("2024-06-08", 80), snap("2024-06-15", 85)] },
        // First snapshot after the week-ago date: new.
        { userId: "newcomer", snapshots: [snap("2024-06-09", 70)] },
        // Stale a week ago (2024-05-20 is 19 days before 2024-06-08), fresh now: new.
        { userId: "returning", snapshots: [snap("2024-05-20", 99), snap("2024-06-15", 50)] },
      ],
      asOf,
      14,
    );
    expect(result.ranked.map((r) => [r.userId, r.rank, r.change])).toEqual([
      ["climber", 1, 1],
      ["leader", 2, -1],
      ["newcomer", 3, "new"],
      ["returning", 4, "new"],
    ]);
  });
});

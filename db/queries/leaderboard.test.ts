import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/test-db";
import { addMember, makeSnapshot, makeTeam, makeUser } from "../testing/factories";
import { getTeamLeaderboard } from "./leaderboard";
import { addDays } from "@/lib/dates";
import type { RankBy } from "@/lib/ranking";
import type { TeamAccess } from "@/lib/team-access";

setupTestDatabase();

const AS_OF = "2025-03-14";

/** A team whose owner has not submitted anything, plus named members. */
async function teamWith(names: string[], staleDays = 14) {
  const owner = await makeUser({ name: "Zz Owner" });
  const team = await makeTeam(owner.id, { staleDays });
  const people: Record<string, { id: string; access: TeamAccess }> = {};
  for (const name of names) {
    const u = await makeUser({ name });
    people[name] = { id: u.id, access: await addMember(team.id, u.id) };
  }
  return { team, owner, people, id: (name: string) => people[name]!.id };
}

const board = (access: TeamAccess, asOf = AS_OF, by: RankBy = "total", staleDays = 14) =>
  getTeamLeaderboard(access, { asOf, by, staleDays });

describe(`team leaderboard on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("gives tied members the same rank and skips the next (1, 2, 2, 4)", async () => {
    const { team, id } = await teamWith(["Ana", "Ben", "Cai", "Dee"]);
    await makeSnapshot(id("Ana"), AS_OF, 80);
    await makeSnapshot(id("Ben"), addDays(AS_OF, -2), 70);
    await makeSnapshot(id("Cai"), AS_OF, 70);
    await makeSnapshot(id("Dee"), AS_OF, 60);
    const b = await board(team.owner);
    expect(b.entries.filter((e) => e.status === "ranked").map((e) => [e.name, e.rank, e.total])).toEqual([
      ["Ana", 1, 80],
      ["Cai", 2, 70], // the tie is listed most recent first
      ["Ben", 2, 70],
      ["Dee", 4, 60],
    ]);
    expect(b.rankedCount).toBe(4);
    expect(b.memberCount).toBe(5); // the owner, who never submitted, is counted but not ranked
  });

  it("ranks a snapshot exactly staleDays old, lists older ones as stale below, and never-submitted last", async () => {
    const { team, id } = await teamWith(["Fresh", "Edge", "Stale", "Older", "Never"], 10);
    await makeSnapshot(id("Fresh"), AS_OF, 40);
    await makeSnapshot(id("Edge"), addDays(AS_OF, -10), 30);
    await makeSnapshot(id("Stale"), addDays(AS_OF, -11), 95); // the best score, but stale
    await makeSnapshot(id("Older"), addDays(AS_OF, -40), 99);
    const b = await board(team.owner, AS_OF, "total", 10);
    expect(b.entries.map((e) => [e.name, e.status, e.rank, e.daysAgo])).toEqual([
      ["Fresh", "ranked", 1, 0],
      ["Edge", "ranked", 2, 10],
      ["Stale", "stale", null, 11],
      ["Older", "stale", null, 40],
      ["Never", "never", null, null],
      ["Zz Owner", "never", null, null],
    ]);
    const stale = b.entries.find((e) => e.name === "Stale")!;
    expect(stale).toMatchObject({ total: 95, measuredOn: addDays(AS_OF, -11), rankChange: null });
    expect(b.entries.find((e) => e.name === "Never")).toMatchObject({ total: null, components: null, measuredOn: null });
  });

  it("shows the board as of a past date, ignoring later snapshots", async () => {
    const { team, id } = await teamWith(["Early", "Late"]);
    await makeSnapshot(id("Early"), "2025-03-01", 50);
    await makeSnapshot(id("Early"), "2025-03-10", 90);
    await makeSnapshot(id("Late"), "2025-03-06", 70);
    const past = await board(team.owner, "2025-03-05");
    expect(past.entries.map((e) => [e.name, e.status, e.total, e.measuredOn])).toEqual([
      ["Early", "ranked", 50, "2025-03-01"],
      ["Late", "never", null, null],
      ["Zz Owner", "never", null, null],
    ]);
    const now = await board(team.owner, "2025-03-10");
    expect(now.entries.slice(0, 2).map((e) => [e.name, e.rank, e.total])).toEqual([
      ["Early", 1, 90],
      ["Late", 2, 70],
    ]);
  });

  it("shows the rank change against one week earlier: up, down and new, with the total change", async () => {
    const { team, id } = await teamWith(["Up", "Down", "Newcomer", "Returner"]);
    const weekAgo = addDays(AS_OF, -7);
    await makeSnapshot(id("Down"), weekAgo, 80);
    await makeSnapshot(id("Down"), addDays(weekAgo, 1), 50); // after the comparison date: must not count
    await makeSnapshot(id("Up"), addDays(weekAgo, -1), 60);
    await makeSnapshot(id("Returner"), addDays(weekAgo, -30), 90); // stale a week ago
    await makeSnapshot(id("Up"), AS_OF, 85.5);
    await makeSnapshot(id("Down"), addDays(AS_OF, -1), 75.25);
    await makeSnapshot(id("Newcomer"), AS_OF, 50);
    await makeSnapshot(id("Returner"), AS_OF, 40);
    const b = await board(team.owner);
    const byName = new Map(b.entries.map((e) => [e.name, e]));
    expect(byName.get("Up")).toMatchObject({ rank: 1, rankChange: 1, totalChange: 25.5 });
    expect(byName.get("Down")).toMatchObject({ rank: 2, rankChange: -1, totalChange: -4.75 });
    expect(byName.get("Newcomer")).toMatchObject({ rank: 3, rankChange: "new", totalChange: null });
    expect(byName.get("Returner")).toMatchObject({ rank: 4, rankChange: "new", totalChange: -50 });
  });

  it("ranks by one component when asked, showing that component's value", async () => {
    const { team, id } = await teamWith(["Brand", "Networker"]);
    await makeSnapshot(id("Brand"), AS_OF, { brand: 25, people: 5, insights: 20, relationships: 20 });
    await makeSnapshot(id("Networker"), AS_OF, { brand: 5, people: 22.5, insights: 10, relationships: 10 });
    const byTotal = await board(team.owner);
    expect(byTotal.entries.slice(0, 2).map((e) => [e.name, e.rank, e.value])).toEqual([
      ["Brand", 1, 70],
      ["Networker", 2, 47.5],
    ]);
    const byPeople = await board(team.owner, AS_OF, "people");
    expect(byPeople.entries.slice(0, 2).map((e) => [e.name, e.rank, e.value, e.total])).toEqual([
      ["Networker", 1, 22.5, 47.5],
      ["Brand", 2, 5, 70],
    ]);
    expect(byPeople.entries[0]!.components).toEqual({ brand: 5, people: 22.5, insights: 10, relationships: 10 });
  });

  it("averages and takes the median of ranked totals only", async () => {
    const { team, id } = await teamWith(["A", "B", "C", "D", "Stale"]);
    for (const [name, total] of [["A", 80], ["B", 70], ["C", 65], ["D", 60]] as const) {
      await makeSnapshot(id(name), AS_OF, total);
    }
    await makeSnapshot(id("Stale"), addDays(AS_OF, -30), 10);
    const even = await board(team.owner);
    expect([even.average, even.median]).toEqual([68.75, 67.5]);
    expect(even.rankedCount).toBe(4);
    await makeSnapshot(id("Stale"), AS_OF, 12.5); // now fresh: 5 ranked
    const five = await board(team.owner);
    expect([five.average, five.median]).toEqual([57.5, 65]);
    const empty = await board(team.owner, "2020-01-01");
    expect([empty.rankedCount, empty.average, empty.median]).toEqual([0, null, null]);
  });

  it("marks the viewer's own row and reports their rank and status", async () => {
    const { team, people, id } = await teamWith(["Me", "Other", "Lapsed"]);
    await makeSnapshot(id("Me"), AS_OF, 55);
    await makeSnapshot(id("Other"), AS_OF, 65);
    await makeSnapshot(id("Lapsed"), "2024-01-01", 90);
    const mine = await board(people.Me!.access);
    expect(mine.entries.filter((e) => e.isViewer).map((e) => e.name)).toEqual(["Me"]);
    expect(mine.viewer).toEqual({ rank: 2, status: "ranked" });
    expect((await board(people.Lapsed!.access)).viewer).toEqual({ rank: null, status: "stale" });
    expect((await board(team.owner)).viewer).toEqual({ rank: null, status: "never" });
  });

  it("never shows members of another team, and shows a person in two teams on both boards", async () => {
    const red = await teamWith(["Red One", "Shared"]);
    const blue = await teamWith(["Blue One"]);
    await addMember(blue.team.id, red.id("Shared"));
    await makeSnapshot(red.id("Red One"), AS_OF, 40);
    await makeSnapshot(blue.id("Blue One"), AS_OF, 99);
    await makeSnapshot(red.id("Shared"), addDays(AS_OF, -3), { brand: 20, people: 15, insights: 12.25, relationships: 8 });
    const redBoard = await board(red.team.owner);
    const blueBoard = await board(blue.team.owner);
    expect(redBoard.entries.map((e) => e.name).sort()).toEqual(["Red One", "Shared", "Zz Owner"]);
    expect(blueBoard.entries.map((e) => e.name).sort()).toEqual(["Blue One", "Shared", "Zz Owner"]);
    const onRed = redBoard.entries.find((e) => e.name === "Shared")!;
    const onBlue = blueBoard.entries.find((e) => e.name === "Shared")!;
    expect(onRed).toMatchObject({ rank: 1, total: 55.25, measuredOn: addDays(AS_OF, -3) });
    expect(onBlue).toMatchObject({ rank: 2, total: 55.25, measuredOn: addDays(AS_OF, -3) });
    expect(onBlue.components).toEqual(onRed.components);
  });
});

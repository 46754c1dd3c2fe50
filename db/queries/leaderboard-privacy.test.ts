import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/test-db";
import { addMember, makeSnapshot, makeTeam, makeUser } from "../testing/factories";
import { setHideComponents } from "./account";
import { getTeamLeaderboard } from "./leaderboard";
import type { RankBy } from "@/lib/ranking";
import type { TeamAccess } from "@/lib/team-access";

setupTestDatabase();

const AS_OF = "2025-03-14";
const board = (access: TeamAccess, by: RankBy = "total") => getTeamLeaderboard(access, { asOf: AS_OF, by, staleDays: 14 });

/** Owner Olga, manager Max, members Hana (hides her components) and Tom; all with a fresh score. */
async function privacyTeam() {
  const olga = await makeUser({ name: "Olga" });
  const team = await makeTeam(olga.id);
  const max = await makeUser({ name: "Max" });
  const hana = await makeUser({ name: "Hana" });
  const tom = await makeUser({ name: "Tom" });
  const access = {
    owner: team.owner,
    manager: await addMember(team.id, max.id, "manager"),
    hana: await addMember(team.id, hana.id),
    tom: await addMember(team.id, tom.id),
  };
  await makeSnapshot(hana.id, AS_OF, { brand: 21.11, people: 19.22, insights: 17.33, relationships: 15.44 });
  await makeSnapshot(tom.id, AS_OF, { brand: 10, people: 20, insights: 10, relationships: 10 });
  await makeSnapshot(max.id, AS_OF, { brand: 5, people: 5, insights: 5, relationships: 5 });
  await setHideComponents(hana.id, true);
  return { access, hana, tom };
}

describe(`leaderboard privacy on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("shows a teammate only the total of someone who hides their components; the values are not in the result at all", async () => {
    const { access } = await privacyTeam();
    const b = await board(access.tom);
    const hana = b.entries.find((e) => e.name === "Hana")!;
    expect(hana).toMatchObject({ status: "ranked", rank: 1, total: 73.1, components: null, hidden: true });
    const json = JSON.stringify(b);
    for (const v of ["21.11", "19.22", "17.33", "15.44"]) expect(json).not.toContain(v);
    // Tom's own and Max's breakdowns stay visible to Tom.
    expect(b.entries.find((e) => e.name === "Tom")).toMatchObject({ hidden: false, components: { people: 20 } });
  });

  it("still shows managers, owners and the person themself the components", async () => {
    const { access } = await privacyTeam();
    for (const viewer of [access.manager, access.owner, access.hana]) {
      const hana = (await board(viewer)).entries.find((e) => e.name === "Hana")!;
      expect(hana, viewer.role).toMatchObject({
        hidden: false,
        components: { brand: 21.11, people: 19.22, insights: 17.33, relationships: 15.44 },
      });
    }
  });

  it("ranked by a component, leaves the hidden person out of a teammate's ranking but not a manager's", async () => {
    const { access } = await privacyTeam();
    const teammate = await board(access.tom, "people");
    expect(teammate.entries.filter((e) => e.status === "ranked").map((e) => [e.name, e.rank, e.value])).toEqual([
      ["Tom", 1, 20],
      ["Max", 2, 5],
    ]);
    expect(teammate.entries.find((e) => e.name === "Hana")).toMatchObject({ status: "hidden", rank: null, value: null, total: 73.1 });
    expect(JSON.stringify(teammate)).not.toContain("19.22");
    expect(teammate.rankedCount).toBe(2);

    const manager = await board(access.manager, "people");
    expect(manager.entries.filter((e) => e.status === "ranked").map((e) => [e.name, e.rank, e.value])).toEqual([
      ["Tom", 1, 20],
      ["Hana", 2, 19.22],
      ["Max", 3, 5],
    ]);
  });

  it("shows the components to teammates again once the person stops hiding them", async () => {
    const { access, hana } = await privacyTeam();
    await setHideComponents(hana.id, false);
    const entry = (await board(access.tom, "brand")).entries.find((e) => e.name === "Hana")!;
    expect(entry).toMatchObject({ status: "ranked", rank: 1, hidden: false, value: 21.11 });
  });
});

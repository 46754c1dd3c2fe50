import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { memberships, teams, users } from "../schema";
import { setupTestDatabase } from "../testing/test-db";
import { addMember, makeSnapshot, makeTeam, makeUser } from "../testing/factories";
import { getChallengeStandings } from "./challenge-standings";
import { createChallenge, getTeamChallenge, listTeamChallenges, updateChallenge } from "./challenges";
import type { ChallengeInput } from "@/lib/validation/challenge";
import { grantTeamAccess } from "@/lib/team-access";

const t = setupTestDatabase();

const base: Omit<ChallengeInput, "teamSlugs"> & { teamIds: string[] } = {
  name: "March push",
  kind: "improved",
  metric: "total",
  target: null,
  startsOn: "2025-03-01",
  endsOn: "2025-03-31",
  participants: "all",
  participantIds: [],
  teamIds: [],
};
const opts = (today: string) => ({ today, staleDays: 14, timeZone: "UTC" });
const teamVersion = async (teamId: string) => (await t.db().select({ v: teams.dataVersion }).from(teams).where(eq(teams.id, teamId)))[0]!.v;

describe(`challenges on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("ranks the most improved, lists the member without a starting score, and moves after a new score", async () => {
    const owner = await makeUser({ name: "Olga" });
    const team = await makeTeam(owner.id);
    const low = await makeUser({ name: "Lea" });
    const none = await makeUser({ name: "Nia" });
    const lea = await addMember(team.id, low.id);
    await addMember(team.id, none.id);
    await t.db().update(memberships).set({ joinedAt: new Date("2025-01-01T00:00:00Z") }).where(eq(memberships.teamId, team.id));
    await makeSnapshot(owner.id, "2025-02-28", 85);
    await makeSnapshot(owner.id, "2025-03-10", 86);
    await makeSnapshot(low.id, "2025-03-01", 40);
    await makeSnapshot(low.id, "2025-03-10", 48);
    const id = await createChallenge(team.owner, base);

    const read = async () => {
      const c = (await getTeamChallenge(lea, id))!;
      // The page passes the team's current data version with the challenge: a new score is a new cache key.
      c.teams[0]!.dataVersion = await teamVersion(team.id);
      return getChallengeStandings(lea, c, opts("2025-03-20"));
    };
    const s = await read();
    expect(s.entries.map((e) => [e.name, e.rank, e.improvement, e.status])).toEqual([
      ["Lea", 1, 8, "ranked"],
      ["Olga", 2, 1, "ranked"],
      ["Nia", null, null, "unranked"],
    ]);
    expect(s.teams).toEqual([expect.objectContaining({ name: team.name, participants: 3, counted: 2, average: 4.5, rank: 1 })]);

    await makeSnapshot(owner.id, "2025-03-15", 95);
    expect((await read()).entries.map((e) => [e.name, e.rank, e.improvement])).toEqual([
      ["Olga", 1, 10],
      ["Lea", 2, 8],
      ["Nia", null, null],
    ]);
  });

  it("counts only the chosen participants, and only members of the team", async () => {
    const owner = await makeUser({ name: "Owner" });
    const team = await makeTeam(owner.id);
    const a = await makeUser({ name: "Ann" });
    const b = await makeUser({ name: "Ben" });
    await addMember(team.id, a.id);
    await addMember(team.id, b.id);
    const id = await createChallenge(team.owner, { ...base, kind: "race", target: 70, participants: "chosen", participantIds: [a.id] });
    const c = (await getTeamChallenge(team.owner, id))!;
    expect((await getChallengeStandings(team.owner, c, opts("2025-03-05"))).entries.map((e) => e.name)).toEqual(["Ann"]);
  });

  it("shows each team of a team-against-team challenge its own people and the other teams as aggregates only", async () => {
    const boss = await makeUser({ name: "Boss" });
    const north = await makeTeam(boss.id, { name: "North" });
    const south = await makeTeam(boss.id, { name: "South" });
    const outsiderOwner = await makeUser();
    const elsewhere = await makeTeam(outsiderOwner.id, { name: "Elsewhere" });
    const sam = await makeUser({ name: "Sam South" });
    const samAccess = await addMember(south.id, sam.id);
    await t.db().update(memberships).set({ joinedAt: new Date("2025-01-01T00:00:00Z") }).where(inArray(memberships.teamId, [north.id, south.id]));
    await makeSnapshot(boss.id, "2025-03-01", 50);
    await makeSnapshot(boss.id, "2025-03-10", 52);
    await makeSnapshot(sam.id, "2025-03-01", 40);
    await makeSnapshot(sam.id, "2025-03-10", 50);
    const id = await createChallenge(north.owner, { ...base, kind: "versus", teamIds: [south.id] });

    const asSam = await getChallengeStandings(samAccess, (await getTeamChallenge(samAccess, id))!, opts("2025-03-20"));
    expect(asSam.teams.map((x) => [x.name, x.rank, x.average, x.isViewerTeam])).toEqual([
      ["South", 1, 6, true],
      ["North", 2, 2, false],
    ]);
    // Boss is in both teams and counts for both (South: 2 and 10, average 6); Sam sees only South's people.
    expect(asSam.entries.map((e) => e.name).sort()).toEqual(["Boss", "Sam South"]);
    const asNorth = await getChallengeStandings(north.owner, (await getTeamChallenge(north.owner, id))!, opts("2025-03-20"));
    expect(asNorth.entries.map((e) => e.name)).toEqual(["Boss"]);
    // A team not taking part does not see it at all.
    const other = grantTeamAccess(elsewhere.id, outsiderOwner.id, "owner");
    expect(await getTeamChallenge(other, id)).toBeNull();
    expect(await listTeamChallenges(other)).toEqual([]);
    expect((await listTeamChallenges(samAccess)).map((c) => c.name)).toEqual(["March push"]);
  });

  it("does not place a teammate who hides their components in a component challenge, but managers see them", async () => {
    const owner = await makeUser({ name: "Owner" });
    const team = await makeTeam(owner.id);
    const shy = await makeUser({ name: "Shy" });
    const peer = await makeUser({ name: "Peer" });
    await addMember(team.id, shy.id);
    const peerAccess = await addMember(team.id, peer.id);
    await t.db().update(users).set({ hideComponents: true }).where(eq(users.id, shy.id));
    await t.db().update(memberships).set({ joinedAt: new Date("2025-01-01T00:00:00Z") }).where(eq(memberships.teamId, team.id));
    await makeSnapshot(shy.id, "2025-03-01", { brand: 10 });
    await makeSnapshot(shy.id, "2025-03-05", { brand: 20 });
    await makeSnapshot(peer.id, "2025-03-01", { brand: 10 });
    await makeSnapshot(peer.id, "2025-03-05", { brand: 11 });
    const id = await createChallenge(team.owner, { ...base, metric: "brand" });
    const c = (await getTeamChallenge(peerAccess, id))!;
    const asPeer = await getChallengeStandings(peerAccess, c, opts("2025-03-20"));
    expect(asPeer.entries.map((e) => [e.name, e.rank, e.status, e.improvement, e.current])).toEqual([
      ["Peer", 1, "ranked", 1, { on: "2025-03-05", value: 11, daysAgo: 15 }],
      ["Owner", null, "unranked", null, null],
      ["Shy", null, "hidden", null, null],
    ]);
    const asOwner = await getChallengeStandings(team.owner, c, opts("2025-03-20"));
    expect(asOwner.entries.map((e) => [e.name, e.rank, e.improvement])).toEqual([
      ["Shy", 1, 10],
      ["Peer", 2, 1],
      ["Owner", null, null],
    ]);
  });

  it("edits only a hosted challenge, and raises its revision so cached standings are not served", async () => {
    const owner = await makeUser();
    const team = await makeTeam(owner.id);
    const otherOwner = await makeUser();
    const other = await makeTeam(otherOwner.id);
    const id = await createChallenge(team.owner, base);
    const before = (await getTeamChallenge(team.owner, id))!;
    expect(await updateChallenge(other.owner, id, { name: "Hijack", startsOn: "2025-03-01", endsOn: "2025-04-30" })).toBe(false);
    const member = await addMember(team.id, (await makeUser()).id);
    expect(await updateChallenge(member, id, { name: "Hijack", startsOn: "2025-03-01", endsOn: "2025-04-30" })).toBe(false);
    expect(await updateChallenge(team.owner, id, { name: "April push", startsOn: "2025-03-01", endsOn: "2025-04-30" })).toBe(true);
    const after = (await getTeamChallenge(team.owner, id))!;
    expect([after.name, after.endsOn, after.revision]).toEqual(["April push", "2025-04-30", before.revision + 1]);
  });
});

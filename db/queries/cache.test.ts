import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/test-db";
import { addMember, makeSnapshot, makeTeam, makeUser } from "../testing/factories";
import { teams, users } from "../schema";
import { setHideComponents, updateProfile } from "./account";
import { teamFigureCacheStats } from "./cache";
import { getTeamLeaderboard } from "./leaderboard";
import { deleteSnapshot } from "./snapshots";
import { removeMember } from "./teams";
import { grantTeamAccess } from "@/lib/team-access";

const t = setupTestDatabase();
const DAY = "2026-03-10";

async function versionOf(teamId: string): Promise<number> {
  const [row] = await t.db().select({ v: teams.dataVersion }).from(teams).where(eq(teams.id, teamId));
  return Number(row!.v);
}

async function team() {
  const owner = await makeUser({ name: "Olga Owner" });
  const rep = await makeUser({ name: "Rita Rep" });
  const { id } = await makeTeam(owner.id);
  await addMember(id, rep.id);
  return {
    id,
    owner,
    rep,
    asOwner: grantTeamAccess(id, owner.id, "owner"),
    asRep: grantTeamAccess(id, rep.id, "member"),
  };
}

const board = async (access: ReturnType<typeof grantTeamAccess>, by: "total" | "brand" = "total") =>
  getTeamLeaderboard(access, { asOf: DAY, by, staleDays: 14, version: await versionOf(access.teamId) });

describe(`team data versions and the board cache on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("every change a board shows raises the version of exactly the teams concerned", async () => {
    const a = await team();
    const b = await team();
    const outsider = await makeUser();
    await addMember(b.id, a.rep.id); // Rita is in both teams

    let va = await versionOf(a.id);
    let vb = await versionOf(b.id);
    const changed = async (expectA: boolean, expectB: boolean) => {
      const [na, nb] = [await versionOf(a.id), await versionOf(b.id)];
      expect([na > va, nb > vb]).toEqual([expectA, expectB]);
      [va, vb] = [na, nb];
    };

    await makeSnapshot(a.rep.id, DAY, 60); // a snapshot of a person in both teams
    await changed(true, true);
    await makeSnapshot(a.owner.id, DAY, 50); // a snapshot of a person in team a only
    await changed(true, false);
    await makeSnapshot(outsider.id, DAY, 40); // nobody's teammate
    await changed(false, false);
    await deleteSnapshot(a.owner.id, DAY, { actorId: a.owner.id });
    await changed(true, false);
    await setHideComponents(a.rep.id, true); // privacy shows on both boards
    await changed(true, true);
    await updateProfile(a.owner.id, { name: "Olga Renamed", email: a.owner.email, timeZone: null }, { origin: "https://ssi.test" });
    await changed(true, false);
    await t.db().update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, a.owner.id));
    await changed(false, false); // a signed-out session is not on any board
    await addMember(a.id, outsider.id);
    await changed(true, false);
    expect(await removeMember(a.asOwner, outsider.id)).toMatchObject({ ok: true });
    await changed(true, false);
  });

  it("serves the cached board until a write, and the written score right after it", async () => {
    const { rep, asOwner } = await team();
    await makeSnapshot(rep.id, DAY, 60);
    const first = await board(asOwner);
    const hits = teamFigureCacheStats().hits;
    expect((await board(asOwner)).entries).toEqual(first.entries);
    expect(teamFigureCacheStats().hits).toBe(hits + 1);

    await makeSnapshot(rep.id, DAY, 72); // same day, replaced
    const after = await board(asOwner);
    expect(after.entries.find((e) => e.userId === rep.id)?.total).toBe(72);
  });

  it("shares rows between viewers without showing a teammate hidden components", async () => {
    const { owner, rep, asOwner, asRep } = await team();
    const peer = await makeUser({ name: "Pia Peer" });
    await addMember(asOwner.teamId, peer.id);
    const asPeer = grantTeamAccess(asOwner.teamId, peer.id, "member");
    await makeSnapshot(rep.id, DAY, { brand: 23.47, people: 19.38, insights: 17.29, relationships: 11.16 });
    await makeSnapshot(owner.id, DAY, 40);
    await makeSnapshot(peer.id, DAY, 30);
    await setHideComponents(rep.id, true);

    const managerView = (await board(asOwner)).entries.find((e) => e.userId === rep.id)!;
    const peerView = (await board(asPeer)).entries.find((e) => e.userId === rep.id)!;
    const ownView = (await board(asRep)).entries.find((e) => e.userId === rep.id)!;
    expect(managerView.components?.brand).toBe(23.47);
    expect(peerView).toMatchObject({ components: null, hidden: true, rank: 1, total: 71.3 });
    expect(ownView.components?.brand).toBe(23.47);

    // Ranked by a component, a teammate does not see the hider placed (their place would reveal the value).
    const byBrandPeer = (await board(asPeer, "brand")).entries.find((e) => e.userId === rep.id)!;
    expect(byBrandPeer).toMatchObject({ status: "hidden", rank: null, value: null });
    expect((await board(asOwner, "brand")).entries.find((e) => e.userId === rep.id)).toMatchObject({ rank: 1, value: 23.47 });
  });

  it("people joining and submitting in the same team at once all get through, without deadlock", async () => {
    const { id } = await team();
    const before = await versionOf(id);
    const people = await Promise.all(Array.from({ length: 30 }, () => makeUser()));
    await Promise.all(people.map((p) => addMember(id, p.id)));
    await Promise.all(people.flatMap((p, i) => [makeSnapshot(p.id, DAY, 40 + i), makeSnapshot(p.id, "2026-03-09", 30 + i)]));
    expect(await versionOf(id)).toBeGreaterThanOrEqual(before + 60);
    const entries = (await board(grantTeamAccess(id, people[0]!.id, "member"))).entries;
    expect(entries.filter((e) => e.status === "ranked")).toHaveLength(30);
  });
});

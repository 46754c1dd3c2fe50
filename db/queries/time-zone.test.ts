import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/test-db";
import { addMember, makeSnapshot, makeTeam, makeUser } from "../testing/factories";
import { getTeamLeaderboard } from "./leaderboard";
import { upsertSnapshot } from "./snapshots";
import { findMembershipBySlug } from "./teams";
import { todayInZone } from "@/lib/dates";
import { SNAPSHOT_MESSAGES, snapshotInputSchema } from "@/lib/validation/snapshot";

setupTestDatabase();

/** "Today" for a team as the app computes it: from the time zone stored with the team, at a given instant. */
async function teamToday(slug: string, userId: string, instant: Date) {
  const m = await findMembershipBySlug(slug, userId);
  return todayInZone(m!.team.timeZone, instant);
}

describe(`team time zones on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("lets a team ahead of UTC submit and rank today's score, which the UTC date would call the future", async () => {
    const instant = new Date("2025-03-14T12:00:00Z"); // 02:00 on the 15th in Kiritimati (UTC+14)
    const owner = await makeUser({ name: "Owner" });
    const team = await makeTeam(owner.id, { timeZone: "pacific/kiritimati" });
    const rep = await makeUser({ name: "Rep" });
    const peer = await makeUser({ name: "Peer" });
    await addMember(team.id, rep.id);
    await addMember(team.id, peer.id);

    const today = await teamToday(team.slug, owner.id, instant);
    const utcToday = todayInZone("UTC", instant);
    expect([today, utcToday]).toEqual(["2025-03-15", "2025-03-14"]);

    await makeSnapshot(rep.id, "2025-03-10", 40);
    await makeSnapshot(peer.id, "2025-03-14", 60);
    const form = { measuredOn: today, brand: "20", people: "15", insights: "17.5", relationships: "17.5" };
    const refused = snapshotInputSchema(utcToday).safeParse(form);
    expect(refused.success ? [] : refused.error.issues.map((i) => i.message)).toEqual([SNAPSHOT_MESSAGES.dateFuture]);
    await upsertSnapshot(rep.id, snapshotInputSchema(today).parse(form));

    const board = await getTeamLeaderboard(team.owner, { asOf: today, by: "total", staleDays: 14 });
    expect(board.entries.slice(0, 2).map((e) => [e.name, e.rank, e.total, e.measuredOn, e.daysAgo])).toEqual([
      ["Rep", 1, 70, "2025-03-15", 0],
      ["Peer", 2, 60, "2025-03-14", 1],
    ]);
    // On the server's UTC date the rep's new score would be missing and they would trail the peer.
    const utcBoard = await getTeamLeaderboard(team.owner, { asOf: utcToday, by: "total", staleDays: 14 });
    expect(utcBoard.entries.slice(0, 2).map((e) => [e.name, e.total])).toEqual([
      ["Peer", 60],
      ["Rep", 40],
    ]);
  });

  it("keeps a team behind UTC on its own date: a score dated its tomorrow is not on today's board yet", async () => {
    const instant = new Date("2025-03-15T05:00:00Z"); // 18:00 on the 14th in Pago Pago (UTC-11), 19:00 on the 15th in Kiritimati
    const ahead = await makeTeam((await makeUser()).id, { timeZone: "Pacific/Kiritimati" });
    const behind = await makeTeam((await makeUser()).id, { timeZone: "Pacific/Pago_Pago", staleDays: 7 });
    const shared = await makeUser({ name: "Shared" });
    const local = await makeUser({ name: "Local" });
    await addMember(ahead.id, shared.id);
    await addMember(behind.id, shared.id);
    await addMember(behind.id, local.id);

    const aheadToday = await teamToday(ahead.slug, shared.id, instant);
    const behindToday = await teamToday(behind.slug, shared.id, instant);
    expect([aheadToday, behindToday, todayInZone("UTC", instant)]).toEqual(["2025-03-15", "2025-03-14", "2025-03-15"]);

    await makeSnapshot(shared.id, "2025-03-07", 50); // exactly 7 days before the behind team's today
    await makeSnapshot(local.id, "2025-03-13", 55);
    // Valid for the team ahead, where it is already the 15th.
    await upsertSnapshot(shared.id, snapshotInputSchema(aheadToday).parse({ measuredOn: aheadToday, brand: 25, people: 25, insights: 20, relationships: 20 }));
    expect(snapshotInputSchema(behindToday).safeParse({ measuredOn: aheadToday, brand: 1, people: 1, insights: 1, relationships: 1 }).success).toBe(false);

    const board = await getTeamLeaderboard(behind.owner, { asOf: behindToday, by: "total", staleDays: 7 });
    expect(board.entries.slice(0, 2).map((e) => [e.name, e.rank, e.total, e.measuredOn, e.daysAgo])).toEqual([
      ["Local", 1, 55, "2025-03-13", 1],
      ["Shared", 2, 50, "2025-03-07", 7],
    ]);
    // On the UTC date the score from the team's tomorrow would already lead, and the old one would not count.
    const utcBoard = await getTeamLeaderboard(behind.owner, { asOf: todayInZone("UTC", instant), by: "total", staleDays: 7 });
    expect(utcBoard.entries[0]).toMatchObject({ name: "Shared", total: 90, measuredOn: "2025-03-15" });
  });
});

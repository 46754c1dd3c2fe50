import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "./testing/test-db";
import { seedDemo } from "./seed";
import { getTeamLeaderboard } from "./queries/leaderboard";
import { findMembershipBySlug } from "./queries/teams";
import { getUserCredentials } from "./queries/users";
import { grantTeamAccess } from "@/lib/team-access";
import { todayInZone } from "@/lib/dates";
import { verifyPassword } from "@/lib/password";

const t = setupTestDatabase();

describe("demo data", () => {
  it("creates a populated organisation once, with a stale and a new member, and signs in with the printed password", async () => {
    expect(await seedDemo(t.db())).toEqual({ created: true });
    expect(await seedDemo(t.db())).toEqual({ created: false });

    const manager = await getUserCredentials("manager@demo.test");
    expect(await verifyPassword("demo-password", manager?.passwordHash)).toBe(true);
    // Demo people have proved addresses (they can accept invitations, see their mail); the manager administers.
    expect(manager?.emailVerified).toBeInstanceOf(Date);
    expect(manager?.isAdmin).toBe(true);
    expect((await getUserCredentials("ben@demo.test"))?.emailVerified).toBeInstanceOf(Date);

    const emea = await findMembershipBySlug("demo-emea-sales", manager!.id);
    const na = await findMembershipBySlug("demo-north-america", manager!.id);
    expect(emea?.role).toBe("owner");
    expect(na?.role).toBe("manager");

    const board = await getTeamLeaderboard(grantTeamAccess(emea!.team.id, manager!.id, "owner"), {
      asOf: todayInZone("Europe/Berlin"), by: "total", staleDays: 14,
    });
    expect(board.memberCount).toBe(15);
    expect(board.entries.filter((e) => e.status === "stale")).toHaveLength(1);
    expect(board.rankedCount).toBe(14);

    const naBoard = await getTeamLeaderboard(grantTeamAccess(na!.team.id, manager!.id, "manager"), {
      asOf: todayInZone("America/New_York"), by: "total", staleDays: 14,
    });
    expect(naBoard.entries.filter((e) => e.status === "never")).toHaveLength(1);
  });
});

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, memberships, teams } from "../schema";
import { setupTestDatabase } from "../testing/test-db";
import { addMember, makeTeam, makeUser } from "../testing/factories";
import { changeRole, deleteTeam, leaveTeam, removeMember } from "./teams";
import { grantTeamAccess } from "@/lib/team-access";

const t = setupTestDatabase();

describe("team changes refuse callers without the role, even if a page forgot to check", () => {
  it("a member cannot change roles or remove people, and nothing changes", async () => {
    const owner = await makeUser();
    const team = await makeTeam(owner.id);
    const ann = await makeUser();
    const bob = await makeUser();
    const annAccess = await addMember(team.id, ann.id, "member");
    await addMember(team.id, bob.id, "member");

    expect(await changeRole(annAccess, bob.id, "manager")).toEqual({ ok: false, error: "Only managers and owners can change roles." });
    expect(await removeMember(annAccess, bob.id)).toEqual({ ok: false, error: "Only managers and owners can remove members." });
    const rows = await t.db().select({ userId: memberships.userId, role: memberships.role }).from(memberships).where(eq(memberships.teamId, team.id));
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.userId === bob.id)?.role).toBe("member");
  });

  it("only an owner deletes a team, and the deletion is recorded outside the team", async () => {
    const owner = await makeUser();
    const team = await makeTeam(owner.id, { name: "Doomed Team" });
    const manager = await makeUser();
    const managerAccess = await addMember(team.id, manager.id, "manager");

    expect(await deleteTeam(managerAccess)).toEqual({ ok: false, error: "Only an owner can delete the team." });
    expect(await t.db().select().from(teams).where(eq(teams.id, team.id))).toHaveLength(1);

    expect(await deleteTeam(team.owner)).toEqual({ ok: true });
    expect(await t.db().select().from(teams).where(eq(teams.id, team.id))).toHaveLength(0);
    const [entry] = await t.db().select().from(auditLog).where(eq(auditLog.action, "team.delete"));
    expect(entry).toMatchObject({ teamId: null, actorId: owner.id, details: { teamId: team.id, name: "Doomed Team" } });
  });

  it("leaving a team you are not in is refused and writes nothing", async () => {
    const owner = await makeUser();
    const team = await makeTeam(owner.id);
    const stranger = await makeUser();
    expect(await leaveTeam(grantTeamAccess(team.id, stranger.id, "member"))).toEqual({ ok: false, error: "You are not a member of this team." });
    expect(await t.db().select().from(auditLog).where(eq(auditLog.action, "member.leave"))).toHaveLength(0);
  });
});

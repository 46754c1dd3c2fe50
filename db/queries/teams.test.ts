import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invitations, memberships, snapshots, teams } from "../schema";
import { setupTestDatabase } from "../testing/test-db";
import { addMember, makeSnapshot, makeTeam, makeUser } from "../testing/factories";
import { listTeamAudit } from "./audit";
import { createInvitation } from "./invitations";
import { listSnapshotsForUser } from "./snapshots";
import {
  changeRole,
  deleteTeam,
  findMembershipBySlug,
  getPersonWithTeams,
  leaveTeam,
  listMembers,
  listTeamsForUser,
  removeMember,
  transferOwnership,
  updateTeamSettings,
} from "./teams";
import { grantTeamAccess, type TeamAccess } from "@/lib/team-access";
import { teamInput } from "@/lib/validation/team";

const t = setupTestDatabase();

/** A team with an owner, a manager and two members, named so the member list order is predictable. */
async function crew() {
  const owner = await makeUser({ name: "Olga Owner" });
  const team = await makeTeam(owner.id);
  const people = { owner: owner.id } as Record<"owner" | "manager" | "ann" | "bob", string>;
  const access = { owner: team.owner } as Record<"owner" | "manager" | "ann" | "bob", TeamAccess>;
  for (const [key, name, role] of [["manager", "Max Manager", "manager"], ["ann", "Ann Member", "member"], ["bob", "Bob Member", "member"]] as const) {
    const u = await makeUser({ name });
    people[key] = u.id;
    access[key] = await addMember(team.id, u.id, role);
  }
  const roles = async () => Object.fromEntries((await listMembers(team.owner)).map((m) => [m.name, m.role]));
  const lastAudit = async () => (await listTeamAudit(team.owner, 1))[0];
  return { team, people, access, roles, lastAudit };
}

describe(`teams on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("creates a team with its creator as owner, a slug from the name, -2 for a repeat name, and an audit entry", async () => {
    const owner = await makeUser({ name: "Founder" });
    const name = "Acme Sales — EMEA";
    const first = await makeTeam(owner.id, { name, timeZone: "europe/berlin", staleDays: 21 });
    const second = await makeTeam(owner.id, { name });
    const third = await makeTeam(owner.id, { name: "ACME sales emea!" });
    expect([first.slug, second.slug, third.slug]).toEqual(["acme-sales-emea", "acme-sales-emea-2", "acme-sales-emea-3"]);
    const m = await findMembershipBySlug(first.slug, owner.id);
    expect(m).toMatchObject({ role: "owner", team: { name, timeZone: "Europe/Berlin", staleDays: 21, weekStart: 1 } });
    const audit = await listTeamAudit(first.owner);
    expect(audit.map((a) => [a.action, a.actorName, a.details])).toEqual([["team.create", "Founder", { name }]]);
    expect(await findMembershipBySlug(first.slug, (await makeUser()).id)).toBeNull();
  });

  it("lists a person's teams alphabetically with their role and the member count", async () => {
    const me = await makeUser();
    const other = await makeUser();
    const zulu = await makeTeam(other.id, { name: `Zulu ${me.id}` });
    const alpha = await makeTeam(me.id, { name: `Alpha ${me.id}` });
    await addMember(zulu.id, me.id, "manager");
    await addMember(alpha.id, other.id);
    await makeTeam(other.id, { name: `Not mine ${me.id}` });
    expect(await listTeamsForUser(me.id)).toEqual([
      { slug: alpha.slug, name: alpha.name, role: "owner", memberCount: 2 },
      { slug: zulu.slug, name: zulu.name, role: "manager", memberCount: 2 },
    ]);
    expect(await listTeamsForUser((await makeUser()).id)).toEqual([]);
  });

  it("sorts teams and members alphabetically whatever their capitalisation", async () => {
    const me = await makeUser({ name: "Zoe Upper" });
    const zebra = await makeTeam(me.id, { name: "Zebra Sales" });
    const acme = await makeTeam(me.id, { name: "acme outbound" });
    expect((await listTeamsForUser(me.id)).map((x) => x.name)).toEqual([acme.name, zebra.name]);
    await addMember(zebra.id, (await makeUser({ name: "bea lower" })).id);
    await addMember(zebra.id, (await makeUser({ name: "Al Upper" })).id);
    await addMember(zebra.id, (await makeUser({ name: "Cy Upper" })).id);
    expect((await listMembers(zebra.owner)).map((m) => m.name)).toEqual(["Zoe Upper", "Al Upper", "bea lower", "Cy Upper"]);
  });

  it("lists members owners first, then managers, then by name, with their last submission date", async () => {
    const { team, people } = await crew();
    await makeSnapshot(people.bob, "2025-01-02", 50);
    await makeSnapshot(people.bob, "2025-02-03", 55);
    await makeSnapshot(people.manager, "2024-12-24", 60);
    const members = await listMembers(team.owner);
    expect(members.map((m) => [m.name, m.role, m.lastMeasuredOn])).toEqual([
      ["Olga Owner", "owner", null],
      ["Max Manager", "manager", "2024-12-24"],
      ["Ann Member", "member", null],
      ["Bob Member", "member", "2025-02-03"],
    ]);
  });

  it("lets a manager switch members and managers, audited, but not touch owners or make owners", async () => {
    const { people, access, roles, lastAudit } = await crew();
    const elsewhere = await makeTeam(people.bob);
    await addMember(elsewhere.id, people.ann, "member");
    expect(await changeRole(access.manager, people.ann, "manager")).toEqual({ ok: true });
    expect(await findMembershipBySlug(elsewhere.slug, people.ann)).toMatchObject({ role: "member" }); // only this team
    expect(await lastAudit()).toMatchObject({ action: "member.role", subjectId: people.ann, actorName: "Max Manager", details: { from: "member", to: "manager" } });
    expect(await changeRole(access.manager, people.owner, "member")).toMatchObject({ ok: false, error: expect.stringMatching(/only an owner/i) });
    expect(await changeRole(access.manager, people.bob, "owner")).toMatchObject({ ok: false });
    expect(await changeRole(access.manager, (await makeUser()).id, "manager")).toMatchObject({ ok: false, error: expect.stringMatching(/not a member/) });
    expect(await roles()).toEqual({ "Olga Owner": "owner", "Max Manager": "manager", "Ann Member": "manager", "Bob Member": "member" });
    expect((await lastAudit())?.subjectId).toBe(people.ann); // refusals write nothing
  });

  it("never lets the last owner be demoted, but a second owner can be", async () => {
    const { people, access, roles } = await crew();
    expect(await changeRole(access.owner, people.owner, "manager")).toMatchObject({ ok: false, error: expect.stringMatching(/at least one owner/) });
    expect(await changeRole(access.owner, people.bob, "owner")).toEqual({ ok: true });
    expect(await changeRole(access.owner, people.owner, "member")).toEqual({ ok: true });
    expect(await roles()).toMatchObject({ "Olga Owner": "member", "Bob Member": "owner" });
    const bobAsOwner = grantTeamAccess(access.bob.teamId, people.bob, "owner");
    expect(await changeRole(bobAsOwner, people.bob, "manager")).toMatchObject({ ok: false });
  });

  it("lets a manager remove a member (audited, snapshots kept) but not an owner nor themselves", async () => {
    const { team, people, access, roles, lastAudit } = await crew();
    const elsewhere = await makeTeam(people.bob);
    await addMember(elsewhere.id, people.ann, "manager");
    await makeSnapshot(people.ann, "2025-01-05", 42);
    expect(await removeMember(access.manager, people.ann)).toEqual({ ok: true });
    expect(await findMembershipBySlug(elsewhere.slug, people.ann)).toMatchObject({ role: "manager" }); // only this team
    expect(await lastAudit()).toMatchObject({ action: "member.remove", subjectId: people.ann, details: { role: "member" } });
    expect(await findMembershipBySlug(team.slug, people.ann)).toBeNull();
    expect((await listSnapshotsForUser(people.ann)).map((s) => s.total)).toEqual([42]);
    expect(await removeMember(access.manager, people.owner)).toMatchObject({ ok: false, error: expect.stringMatching(/owner/) });
    expect(await removeMember(access.manager, people.manager)).toMatchObject({ ok: false, error: expect.stringMatching(/Leave team/) });
    expect(await removeMember(access.owner, people.ann)).toMatchObject({ ok: false, error: expect.stringMatching(/not a member/) });
    expect(Object.keys(await roles())).toEqual(["Olga Owner", "Max Manager", "Bob Member"]);
  });

  it("lets members leave (audited) but refuses the last owner", async () => {
    const { team, people, access, roles, lastAudit } = await crew();
    expect(await leaveTeam(access.owner)).toMatchObject({ ok: false, error: expect.stringMatching(/only owner/) });
    expect(await leaveTeam(access.bob)).toEqual({ ok: true });
    expect(await lastAudit()).toMatchObject({ action: "member.leave", subjectId: people.bob });
    expect(await listTeamsForUser(people.bob)).toEqual([]);
    await changeRole(access.owner, people.manager, "owner");
    expect(await leaveTeam(access.owner)).toEqual({ ok: true });
    expect(await roles()).toEqual({ "Max Manager": "owner", "Ann Member": "member" });
    expect(await findMembershipBySlug(team.slug, people.owner)).toBeNull();
  });

  it("transfers ownership only from an owner to a member; the old owner stays on as manager", async () => {
    const { people, access, roles, lastAudit } = await crew();
    expect(await transferOwnership(access.manager, people.ann)).toMatchObject({ ok: false, error: expect.stringMatching(/Only an owner/) });
    expect(await transferOwnership(access.owner, people.owner)).toMatchObject({ ok: false });
    expect(await transferOwnership(access.owner, (await makeUser()).id)).toMatchObject({ ok: false, error: expect.stringMatching(/not a member/) });
    expect((await roles())["Olga Owner"]).toBe("owner");
    expect(await transferOwnership(access.owner, people.ann)).toEqual({ ok: true });
    expect(await roles()).toEqual({ "Ann Member": "owner", "Max Manager": "manager", "Olga Owner": "manager", "Bob Member": "member" });
    expect(await lastAudit()).toMatchObject({ action: "team.transfer", subjectId: people.ann, actorName: "Olga Owner" });
  });

  it("updates settings, keeping the slug, with an audit entry", async () => {
    const { team, people, lastAudit } = await crew();
    await updateTeamSettings(team.owner, teamInput.parse({ name: "Renamed Team", timeZone: "Asia/Tokyo", staleDays: "30" }));
    expect(await findMembershipBySlug(team.slug, people.ann)).toMatchObject({ team: { name: "Renamed Team", slug: team.slug, timeZone: "Asia/Tokyo", staleDays: 30 } });
    expect(await lastAudit()).toMatchObject({ action: "team.update", details: { name: "Renamed Team", staleDays: 30 } });
  });

  it("deletes a team with its memberships and invitations, but people keep their snapshots", async () => {
    const { team, people } = await crew();
    const other = await makeTeam(people.ann);
    await makeSnapshot(people.ann, "2025-01-05", 42);
    await createInvitation(team.owner, { email: "later@example.test", role: "member", expiresInDays: 7 });
    await deleteTeam(team.owner);
    expect(await t.db().select().from(teams).where(eq(teams.id, team.id))).toEqual([]);
    expect(await t.db().select().from(memberships).where(eq(memberships.teamId, team.id))).toEqual([]);
    expect(await t.db().select().from(invitations).where(eq(invitations.teamId, team.id))).toEqual([]);
    expect((await listTeamsForUser(people.ann)).map((x) => x.slug)).toEqual([other.slug]);
    const kept = await t.db().select({ total: snapshots.total }).from(snapshots).where(eq(snapshots.userId, people.ann));
    expect(kept).toEqual([{ total: 42 }]);
  });
});


describe("getPersonWithTeams (every signed-in page's one read)", () => {
  it("gives the person and each team with their role and its settings, alphabetically; an empty list without teams", async () => {
    const me = await makeUser({ name: "Pia Person" });
    expect(await getPersonWithTeams(me.id)).toEqual({ user: me, memberships: [] });

    const other = await makeUser();
    const zulu = await makeTeam(me.id, { name: "zulu Sales", staleDays: 21 });
    const alpha = await makeTeam(other.id, { name: "Alpha Team", timeZone: "Europe/Berlin" });
    await addMember(alpha.id, me.id, "manager");
    await makeTeam(other.id, { name: "Not Mine" });

    const person = await getPersonWithTeams(me.id);
    expect(person!.user).toEqual(me);
    expect(person!.memberships.map((m) => [m.team.name, m.role])).toEqual([
      ["Alpha Team", "manager"],
      ["zulu Sales", "owner"],
    ]);
    expect(person!.memberships[0]!.team).toMatchObject({ id: alpha.id, slug: alpha.slug, timeZone: "Europe/Berlin" });
    expect(person!.memberships[1]!.team).toMatchObject({ id: zulu.id, staleDays: 21, dataVersion: expect.any(Number) });
    // The same membership findMembershipBySlug reads for one team.
    expect(await findMembershipBySlug(alpha.slug, me.id)).toEqual(person!.memberships[0]);
  });

  it("is null for nobody", async () => {
    expect(await getPersonWithTeams("00000000-0000-0000-0000-000000000000")).toBeNull();
  });
});

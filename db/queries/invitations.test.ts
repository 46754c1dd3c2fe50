import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invitations, memberships } from "../schema";
import { setupTestDatabase } from "../testing/test-db";
import { addMember, makeTeam, makeUser } from "../testing/factories";
import { listTeamAudit } from "./audit";
import { acceptInvitation, createInvitation, getInvitationByToken, listPendingInvitations, revokeInvitation } from "./invitations";
import { findMembershipBySlug } from "./teams";

const t = setupTestDatabase();

async function setup() {
  const owner = await makeUser({ name: "Inviting Owner" });
  const team = await makeTeam(owner.id);
  const memberCount = async () =>
    Number((await t.db().select({ n: count() }).from(memberships).where(eq(memberships.teamId, team.id)))[0]!.n);
  const invite = (email: string | null, role: "member" | "manager" = "member", expiresInDays = 7) =>
    createInvitation(team.owner, { email, role, expiresInDays });
  return { owner, team, memberCount, invite };
}

describe(`invitations on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("accepts an email invitation once: the person joins with the invited role, then the link is used", async () => {
    const { team, invite, memberCount } = await setup();
    const guest = await makeUser({ email: "Guest.One@Example.test" });
    const inv = await invite("  GUEST.one@example.TEST ", "manager");
    expect(await getInvitationByToken(inv.token)).toMatchObject({ email: "guest.one@example.test", role: "manager", status: "valid", teamSlug: team.slug, invitedBy: "Inviting Owner" });
    expect(await acceptInvitation(inv.token, guest)).toEqual({ ok: true, teamSlug: team.slug, alreadyMember: false });
    expect(await findMembershipBySlug(team.slug, guest.id)).toMatchObject({ role: "manager" });
    expect((await listTeamAudit(team.owner, 1))[0]).toMatchObject({ action: "member.join", subjectId: guest.id, details: { role: "manager" } });
    expect(await memberCount()).toBe(2);
    expect(await acceptInvitation(inv.token, guest)).toEqual({ ok: false, reason: "used" });
    expect((await getInvitationByToken(inv.token))?.status).toBe("used");
    expect(await memberCount()).toBe(2);
  });

  it("refuses an email invitation for someone else, changing nothing", async () => {
    const { team, invite, memberCount } = await setup();
    await makeUser({ email: "right@example.test" });
    const intruder = await makeUser({ email: "wrong@example.test" });
    const inv = await invite("right@example.test");
    expect(await acceptInvitation(inv.token, intruder)).toEqual({ ok: false, reason: "wrong_email" });
    expect(await findMembershipBySlug(team.slug, intruder.id)).toBeNull();
    expect(await memberCount()).toBe(1);
    expect((await getInvitationByToken(inv.token))?.status).toBe("valid"); // still usable by the right person
  });

  it("refuses an expired invitation and a revoked one", async () => {
    const { team, invite, memberCount } = await setup();
    const guest = await makeUser({ email: "late@example.test" });
    const expired = await invite("late@example.test");
    await t.db().update(invitations).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(invitations.id, expired.id));
    expect((await getInvitationByToken(expired.token))?.status).toBe("expired");
    expect(await acceptInvitation(expired.token, guest)).toEqual({ ok: false, reason: "expired" });

    const link = await invite(null);
    expect(await revokeInvitation(team.owner, link.id)).toBe(true);
    expect(await revokeInvitation(team.owner, link.id)).toBe(false);
    expect((await listTeamAudit(team.owner, 1))[0]).toMatchObject({ action: "invite.revoke", details: { id: link.id } });
    expect(await acceptInvitation(link.token, guest)).toEqual({ ok: false, reason: "revoked" });
    expect((await getInvitationByToken(link.token))?.status).toBe("revoked");
    expect(await memberCount()).toBe(1);
  });

  it("lets several people use a join link, and an existing member accept without a duplicate", async () => {
    const { team, owner, invite, memberCount } = await setup();
    const link = await invite(null);
    const [a, b] = [await makeUser(), await makeUser()];
    expect(await acceptInvitation(link.token, a)).toMatchObject({ ok: true, alreadyMember: false });
    expect(await acceptInvitation(link.token, b)).toMatchObject({ ok: true, alreadyMember: false });
    expect(await acceptInvitation(link.token, a)).toMatchObject({ ok: true, alreadyMember: true });
    expect(await acceptInvitation(link.token, owner)).toMatchObject({ ok: true, alreadyMember: true });
    expect(await findMembershipBySlug(team.slug, owner.id)).toMatchObject({ role: "owner" }); // not downgraded
    expect(await memberCount()).toBe(3);
    expect((await getInvitationByToken(link.token))?.status).toBe("valid");
    const joins = (await listTeamAudit(team.owner)).filter((e) => e.action === "member.join");
    expect(joins.map((e) => e.subjectId).sort()).toEqual([a.id, b.id].sort());
  });

  it("accepts an email invitation for someone already in the team without a second membership", async () => {
    const { team, invite, memberCount } = await setup();
    const member = await makeUser();
    await addMember(team.id, member.id, "member");
    const inv = await invite(member.email, "manager");
    expect(await acceptInvitation(inv.token, member)).toEqual({ ok: true, teamSlug: team.slug, alreadyMember: true });
    expect(await findMembershipBySlug(team.slug, member.id)).toMatchObject({ role: "member" });
    expect(await memberCount()).toBe(2);
  });

  it("revokes the older pending invitation when the same email is invited again", async () => {
    const { team, invite } = await setup();
    const guest = await makeUser({ email: "twice@example.test" });
    const first = await invite("twice@example.test", "manager");
    const second = await invite("TWICE@example.test", "member");
    expect((await getInvitationByToken(first.token))?.status).toBe("revoked");
    expect(await acceptInvitation(first.token, guest)).toEqual({ ok: false, reason: "revoked" });
    expect(await acceptInvitation(second.token, guest)).toMatchObject({ ok: true });
    expect(await findMembershipBySlug(team.slug, guest.id)).toMatchObject({ role: "member" });
    const created = (await listTeamAudit(team.owner)).filter((e) => e.action === "invite.create");
    expect(created.map((e) => e.details)).toEqual([
      expect.objectContaining({ email: "twice@example.test", role: "member", kind: "email" }),
      expect.objectContaining({ email: "twice@example.test", role: "manager", kind: "email" }),
    ]);
  });

  it("lists only pending invitations: not used, revoked or expired; join links stay after use", async () => {
    const { team, invite } = await setup();
    const other = await makeTeam((await makeUser()).id);
    await createInvitation(other.owner, { email: "elsewhere@example.test", role: "member", expiresInDays: 7 });
    const used = await invite("used@example.test");
    await acceptInvitation(used.token, await makeUser({ email: "used@example.test" }));
    const revoked = await invite("revoked@example.test");
    await revokeInvitation(team.owner, revoked.id);
    const expired = await invite("expired@example.test");
    await t.db().update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, expired.id));
    const pending = await invite("pending@example.test", "manager", 3);
    const link = await invite(null);
    await acceptInvitation(link.token, await makeUser());
    const list = await listPendingInvitations(team.owner);
    expect(list.map((i) => [i.id, i.email, i.role])).toEqual([
      [link.id, null, "member"],
      [pending.id, "pending@example.test", "manager"],
    ]);
    expect(list[1]!.expiresAt.getTime()).toBe(pending.expiresAt.getTime());
  });

  it("answers null for an unknown token and not_found when accepting it", async () => {
    const { memberCount } = await setup();
    const someone = await makeUser();
    expect(await getInvitationByToken("no-such-token")).toBeNull();
    expect(await acceptInvitation("no-such-token", someone)).toEqual({ ok: false, reason: "not_found" });
    expect(await memberCount()).toBe(1);
  });
});

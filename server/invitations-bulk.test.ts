// Inviting a whole team at once: the list's entries classified against the team, then every invitation and
// its email written in one transaction, through the same code as a single invitation.
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invitations, outbox } from "@/db/schema";
import { setupTestDatabase } from "@/db/testing/test-db";
import { addMember, makeTeam, makeUser } from "@/db/testing/factories";
import { createInvitation, findInvitees, getInvitationByToken } from "@/db/queries/invitations";
import { inviteManyToTeam } from "./invitations";
import { classifyInviteLines, parseInviteText } from "@/lib/invite-list";

const t = setupTestDatabase();
const ORIGIN = { origin: "https://ssi.test" };
const id = () => crypto.randomUUID().slice(0, 8);

describe(`bulk invitations on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("tells new people from members, people already invited and lines that are not addresses", async () => {
    const owner = await makeUser({ name: "Owner" });
    const team = await makeTeam(owner.id);
    const other = await makeTeam(owner.id);
    const member = await makeUser({ email: `member-${id()}@example.test` });
    await addMember(team.id, member.id);
    const elsewhere = await makeUser({ email: `elsewhere-${id()}@example.test` });
    await addMember(other.id, elsewhere.id);
    const invited = `invited-${id()}@example.test`;
    await createInvitation(team.owner, { email: invited, role: "member", expiresInDays: 7 });
    const invitedElsewhere = `other-team-${id()}@example.test`;
    await createInvitation(other.owner, { email: invitedElsewhere, role: "member", expiresInDays: 7 });
    const fresh = `new-${id()}@example.test`;

    const lines = parseInviteText([`Mem Ber <${member.email.toUpperCase()}>`, invited, fresh, elsewhere.email, invitedElsewhere, "not an address"].join("\n"));
    const known = await findInvitees(team.owner, lines.flatMap((l) => (l.email ? [l.email] : [])));
    expect(classifyInviteLines(lines, known).rows.map((r) => [r.line, r.status])).toEqual([
      [1, "member"],
      [2, "pending"],
      [3, "new"],
      // A member or an invitation of another team is nothing to this one: new here.
      [4, "new"],
      [5, "new"],
      [6, "invalid"],
    ]);
  });

  it("sends every invitation through the outbox with its own link, and writes none when one fails", async () => {
    const owner = await makeUser({ name: "Olga Owner" });
    const team = await makeTeam(owner.id);
    const emails = [`a-${id()}@example.test`, `b-${id()}@example.test`, `c-${id()}@example.test`];
    const created = await inviteManyToTeam(team.owner, emails.map((email) => ({ email, role: "manager" as const, expiresInDays: 14 })), ORIGIN);
    expect(created).toHaveLength(3);
    const mails = await t.db().select({ to: outbox.toEmail, kind: outbox.kind, text: outbox.text }).from(outbox).where(inArray(outbox.toEmail, emails)).orderBy(outbox.toEmail);
    expect(mails.map((m) => [m.to, m.kind])).toEqual(emails.map((e) => [e, "invitation"]));
    for (const [i, c] of created.entries()) {
      expect(await getInvitationByToken(c.token)).toMatchObject({ email: emails[i], role: "manager", status: "valid" });
      expect(mails.find((m) => m.to === emails[i])!.text).toContain(`https://ssi.test/invite/${c.token}`);
    }

    // One bad entry (an invalid validity) aborts the whole batch: the first address gets nothing either.
    const more = [`d-${id()}@example.test`, `e-${id()}@example.test`];
    await expect(
      inviteManyToTeam(team.owner, [{ email: more[0]!, role: "member", expiresInDays: 7 }, { email: more[1]!, role: "member", expiresInDays: Number.NaN }], ORIGIN),
    ).rejects.toThrow();
    expect(await t.db().select().from(invitations).where(and(eq(invitations.teamId, team.id), inArray(invitations.email, more)))).toEqual([]);
    expect(await t.db().select().from(outbox).where(inArray(outbox.toEmail, more))).toEqual([]);
  });
});

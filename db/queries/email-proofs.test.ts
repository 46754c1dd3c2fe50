import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox, users } from "../schema";
import { setupTestDatabase } from "../testing/test-db";
import { makeTeam, makeUser } from "../testing/factories";
import { updateProfile } from "./account";
import { confirmEmailProof, getPendingEmailChange, requestEmailProof } from "./email-proofs";
import { acceptInvitation } from "./invitations";
import { listMailTo } from "./outbox";
import { findMembershipBySlug } from "./teams";
import { createUserWithPassword, getUserById } from "./users";
import { inviteToTeam } from "@/server/invitations";

const t = setupTestDatabase();
const ORIGIN = { origin: "https://ssi.test" };

/** The token of the newest address-proof link sent to `email` (as its rightful reader would find it in the email). */
async function proofTokenSentTo(email: string) {
  const rows = await t.db().select({ text: outbox.text }).from(outbox).where(and(eq(outbox.kind, "email_proof"), eq(outbox.toEmail, email)));
  const token = /\/account\/confirm-email\/([\w-]+)/.exec(rows.at(-1)?.text ?? "")?.[1];
  if (!token) throw new Error(`no proof link sent to ${email}`);
  return token;
}

describe(`proved email addresses on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("the instance's first account is its only administrator, however many sign up at once", async () => {
    const made = await Promise.all(
      [1, 2, 3].map((i) => createUserWithPassword({ name: `First ${i}`, email: `first-${i}@example.test`, passwordHash: "x", firstProved: true })),
    );
    expect(made.filter((u) => u!.isAdmin)).toHaveLength(1);
    // Only the administrator counts as proved without a link (firstProved: no mail server to send one).
    expect(made.filter((u) => u!.emailVerified)).toEqual(made.filter((u) => u!.isAdmin));
    const later = await makeUser({ proved: false });
    expect(later).toMatchObject({ isAdmin: false, emailVerified: null });
  });

  it("an account that has not proved an invited address sees none of its mail and cannot accept; proved, it can", async () => {
    const owner = await makeUser();
    const team = await makeTeam(owner.id);
    const inv = await inviteToTeam(team.owner, { email: "newhire@example.test", role: "manager", expiresInDays: 7 }, ORIGIN);
    // Someone else signs up with the invited address first.
    const squatter = await makeUser({ email: "newhire@example.test", proved: false });
    expect(await listMailTo(squatter)).toEqual([]);
    expect(await acceptInvitation(inv.token, squatter)).toEqual({ ok: false, reason: "unproved_email" });
    expect(await findMembershipBySlug(team.slug, squatter.id)).toBeNull();

    // The proof link goes to the address, never to the account's own mail preview.
    expect(await requestEmailProof(squatter.id, squatter.email, ORIGIN)).toMatchObject({ ok: true, change: false });
    expect(await listMailTo(squatter)).toEqual([]);
    const token = await proofTokenSentTo("newhire@example.test");
    // Whoever receives the link cannot confirm the address for their own account, nor for the one it names.
    expect(await confirmEmailProof(token, owner.id)).toEqual({ ok: false, reason: "other_account" });

    // The account it was sent for, using it, proves the address: now the mail and the invitation are its.
    expect(await confirmEmailProof(token, squatter.id)).toEqual({ ok: true, email: "newhire@example.test", changed: false });
    expect(await confirmEmailProof(token, squatter.id)).toEqual({ ok: false, reason: "used" });
    const proved = (await getUserById(squatter.id))!;
    expect(proved.emailVerified).toBeInstanceOf(Date);
    expect((await listMailTo(proved)).map((m) => m.kind)).toEqual(["invitation"]);
    expect(await acceptInvitation(inv.token, proved)).toMatchObject({ ok: true, teamSlug: team.slug });
  });

  it("an email change takes effect only when the new address is proved, by the account that asked", async () => {
    const owner = await makeUser();
    const team = await makeTeam(owner.id);
    const inv = await inviteToTeam(team.owner, { email: "boss@example.test", role: "manager", expiresInDays: 7 }, ORIGIN);
    const ann = await makeUser({ name: "Ann" });
    const r = await updateProfile(ann.id, { name: "Ann", email: "Boss@Example.test", timeZone: null }, ORIGIN);
    expect(r).toEqual({ ok: true, pendingEmail: "boss@example.test" });
    // Nothing changed yet: she signs in and is known by her old address, and the invitation is not hers.
    expect((await getUserById(ann.id))!.email).toBe(ann.email);
    expect(await getPendingEmailChange(ann.id)).toBe("boss@example.test");
    expect(await acceptInvitation(inv.token, ann)).toEqual({ ok: false, reason: "wrong_email" });
    expect((await listMailTo(ann)).map((m) => m.kind)).toEqual([]);

    const token = await proofTokenSentTo("boss@example.test");
    expect(await confirmEmailProof(token, owner.id)).toEqual({ ok: false, reason: "other_account" });
    expect(await confirmEmailProof(token, ann.id)).toEqual({ ok: true, email: "boss@example.test", changed: true });
    const after = (await getUserById(ann.id))!;
    expect(after).toMatchObject({ email: "boss@example.test" });
    expect(after.emailVerified).toBeInstanceOf(Date);
    expect(await getPendingEmailChange(ann.id)).toBeNull();
    expect(await acceptInvitation(inv.token, after)).toMatchObject({ ok: true, teamSlug: team.slug });
  });

  it("a newer link replaces the older one, and an address taken meanwhile is refused", async () => {
    const bo = await makeUser({ proved: false });
    await requestEmailProof(bo.id, bo.email, ORIGIN);
    const first = await proofTokenSentTo(bo.email);
    await requestEmailProof(bo.id, bo.email, ORIGIN);
    expect(await confirmEmailProof(first, bo.id)).toEqual({ ok: false, reason: "used" });

    await updateProfile(bo.id, { name: "Bo", email: "wanted@example.test", timeZone: null }, ORIGIN);
    const change = await proofTokenSentTo("wanted@example.test");
    await makeUser({ email: "wanted@example.test" });
    expect(await confirmEmailProof(change, bo.id)).toEqual({ ok: false, reason: "taken" });
    const [row] = await t.db().select({ email: users.email }).from(users).where(eq(users.id, bo.id));
    expect(row!.email).toBe(bo.email);
  });

  it("without SMTP the administrator reads every address-proof link; nobody else does", async () => {
    const [admin] = await t.db().select().from(users).where(eq(users.isAdmin, true));
    const cy = await makeUser({ proved: false });
    await requestEmailProof(cy.id, cy.email, ORIGIN);
    const adminView = await listMailTo({ ...admin!, readsAllProofs: true });
    expect(adminView.some((m) => m.kind === "email_proof" && m.toEmail === cy.email)).toBe(true);
    expect((await listMailTo(admin!)).some((m) => m.toEmail === cy.email)).toBe(false);
    expect(await listMailTo(cy)).toEqual([]);
  });
});

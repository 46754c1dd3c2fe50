import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/test-db";
import { makeTeam, makeUser } from "../testing/factories";
import { acceptInvitation, createInvitation, revokeInvitation } from "./invitations";
import { accounts } from "../schema";
import { listSignInMethods, unlinkProvider } from "./sign-in-methods";
import { checkSignUp } from "./signup";
import { createSsoUser, getUserById } from "./users";

const t = setupTestDatabase();

/** What Auth.js's adapter writes when it links a provider's account. */
const linkedAccountForTest = (userId: string, provider: string, providerAccountId: string) =>
  t.db().insert(accounts).values({ userId, provider, providerAccountId, type: "oidc" });

const inviteOnly = { mode: "invite-only" } as const;
const domains = { mode: "domains", domains: ["acme.com"] } as const;

describe(`who may sign up, on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("the very first account of a new instance may be created under any policy, and becomes its administrator", async () => {
    expect(await checkSignUp(inviteOnly, { email: "founder@elsewhere.test", emailProved: false })).toEqual({ ok: true });
    expect(await checkSignUp(domains, { email: "founder@elsewhere.test", emailProved: false })).toEqual({ ok: true });
    const founder = await createSsoUser({ name: "Founder", email: "Founder@Elsewhere.test", image: null, proved: true });
    expect(founder).toMatchObject({ email: "founder@elsewhere.test", isAdmin: true });
    expect(founder.emailVerified).toBeInstanceOf(Date);
    // The second is not the administrator, and its address counts as proved only when the provider said so.
    const second = await createSsoUser({ name: "Second", email: "second@acme.com", image: null, proved: false });
    expect(second).toMatchObject({ isAdmin: false, emailVerified: null });
  });

  it("invite-only: a stranger is refused; a join link, or an email invitation for that address, lets them in", async () => {
    expect(await checkSignUp(inviteOnly, { email: "eve@elsewhere.test", emailProved: true })).toMatchObject({ ok: false, reason: "invite_only" });
    const owner = await makeUser();
    const team = await makeTeam(owner.id);
    const join = await createInvitation(team.owner, { email: null, role: "member", expiresInDays: 7 });
    expect(await checkSignUp(inviteOnly, { email: "eve@elsewhere.test", emailProved: false, invitationToken: join.token })).toEqual({ ok: true });
    const forBob = await createInvitation(team.owner, { email: "bob@elsewhere.test", role: "member", expiresInDays: 7 });
    expect(await checkSignUp(inviteOnly, { email: "Bob@Elsewhere.test", emailProved: true, invitationToken: forBob.token })).toEqual({ ok: true });
    expect(await checkSignUp(inviteOnly, { email: "eve@elsewhere.test", emailProved: true, invitationToken: forBob.token })).toMatchObject({ ok: false, reason: "invite_only" });
    // A made-up, revoked, expired or used invitation is no invitation.
    expect(await checkSignUp(inviteOnly, { email: "eve@elsewhere.test", emailProved: true, invitationToken: "x".repeat(32) })).toMatchObject({ ok: false });
    await revokeInvitation(team.owner, join.id);
    expect(await checkSignUp(inviteOnly, { email: "eve@elsewhere.test", emailProved: true, invitationToken: join.token })).toMatchObject({ ok: false });
    const old = await createInvitation(team.owner, { email: null, role: "member", expiresInDays: -1 });
    expect(await checkSignUp(inviteOnly, { email: "eve@elsewhere.test", emailProved: true, invitationToken: old.token })).toMatchObject({ ok: false });
    const bob = await makeUser({ email: "bob@elsewhere.test" });
    expect(await acceptInvitation(forBob.token, bob)).toMatchObject({ ok: true });
    expect(await checkSignUp(inviteOnly, { email: "bob2@elsewhere.test", emailProved: true, invitationToken: forBob.token })).toMatchObject({ ok: false });
  });

  it("domains: a proved address in the list; typed or outside the list is refused unless invited", async () => {
    expect(await checkSignUp(domains, { email: "ana@acme.com", emailProved: true })).toEqual({ ok: true });
    expect(await checkSignUp(domains, { email: "ana@acme.com", emailProved: false })).toMatchObject({ ok: false, reason: "domain_unproved" });
    expect(await checkSignUp(domains, { email: "eve@elsewhere.test", emailProved: true })).toMatchObject({ ok: false, reason: "domain" });
    const owner = await makeUser();
    const team = await makeTeam(owner.id);
    const join = await createInvitation(team.owner, { email: null, role: "member", expiresInDays: 7 });
    expect(await checkSignUp(domains, { email: "eve@elsewhere.test", emailProved: false, invitationToken: join.token })).toEqual({ ok: true });
  });

  it("open: anyone, as before", async () => {
    expect(await checkSignUp({ mode: "open" }, { email: "eve@elsewhere.test", emailProved: false })).toEqual({ ok: true });
  });
});

describe(`sign-in methods on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("lists a password and linked providers, and never unlinks the last way to sign in", async () => {
    const ana = await createSsoUser({ name: "Ana", email: "ana-methods@acme.com", image: null, proved: true });
    await linkedAccountForTest(ana.id, "oidc", "ana-at-idp");
    await linkedAccountForTest(ana.id, "google", "ana-at-google");
    expect(await listSignInMethods(ana.id)).toEqual({ hasPassword: false, providers: ["google", "oidc"] });
    expect(await unlinkProvider(ana.id, "google")).toBe("ok");
    expect(await unlinkProvider(ana.id, "google")).toBe("not_linked");
    expect(await unlinkProvider(ana.id, "oidc")).toBe("last_method");
    expect(await listSignInMethods(ana.id)).toEqual({ hasPassword: false, providers: ["oidc"] });
    // Someone else's link is not theirs to remove.
    const bo = await makeUser();
    expect(await unlinkProvider(bo.id, "oidc")).toBe("not_linked");
    expect((await listSignInMethods(ana.id)).providers).toEqual(["oidc"]);

    // A password counts as a way to sign in.
    await linkedAccountForTest(bo.id, "oidc", "bo-at-idp");
    expect(await listSignInMethods(bo.id)).toEqual({ hasPassword: true, providers: ["oidc"] });
    // Unless the instance uses no passwords (AUTH_PASSWORD=off): then it does not count.
    expect(await listSignInMethods(bo.id, { passwords: false })).toEqual({ hasPassword: false, providers: ["oidc"] });
    expect(await unlinkProvider(bo.id, "oidc", { passwords: false })).toBe("last_method");
    expect(await unlinkProvider(bo.id, "oidc")).toBe("ok");
    expect(await getUserById(bo.id)).not.toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { decideSignUp, describePolicy, policyFromEnv, type SignUpFacts } from "./signup-policy";

const stranger: SignUpFacts = { email: "eve@elsewhere.test", emailProved: true, firstAccount: false, invitation: null };
const domains = { mode: "domains", domains: ["acme.com", "acme.de"] } as const;

describe("who may sign up", () => {
  it("open: anyone", () => {
    expect(decideSignUp({ mode: "open" }, { ...stranger, emailProved: false })).toEqual({ ok: true });
  });

  it("invite-only: refuses a stranger, lets in the first account and invited people", () => {
    const refused = decideSignUp({ mode: "invite-only" }, stranger);
    expect(refused).toMatchObject({ ok: false, reason: "invite_only" });
    expect(!refused.ok && refused.message).toMatch(/invite-only: you need an invitation link/);
    expect(decideSignUp({ mode: "invite-only" }, { ...stranger, firstAccount: true })).toEqual({ ok: true });
    expect(decideSignUp({ mode: "invite-only" }, { ...stranger, invitation: { email: null } })).toEqual({ ok: true });
    expect(decideSignUp({ mode: "invite-only" }, { ...stranger, invitation: { email: "eve@elsewhere.test" } })).toEqual({ ok: true });
    // An email invitation admits the address it was sent to, no other.
    expect(decideSignUp({ mode: "invite-only" }, { ...stranger, invitation: { email: "bob@elsewhere.test" } })).toMatchObject({ ok: false, reason: "invite_only" });
  });

  it("domains: a proved address in a listed domain, or an invitation; nobody else", () => {
    expect(decideSignUp(domains, { ...stranger, email: "ana@acme.de" })).toEqual({ ok: true });
    expect(decideSignUp(domains, stranger)).toMatchObject({ ok: false, reason: "domain", message: expect.stringContaining("@acme.com or @acme.de") });
    // A look-alike domain is another domain.
    expect(decideSignUp(domains, { ...stranger, email: "ana@evilacme.com" })).toMatchObject({ ok: false, reason: "domain" });
    expect(decideSignUp(domains, { ...stranger, email: "ana@acme.com.evil.test" })).toMatchObject({ ok: false, reason: "domain" });
    // Typed, not proved: not enough.
    expect(decideSignUp(domains, { ...stranger, email: "ana@acme.com", emailProved: false })).toMatchObject({ ok: false, reason: "domain_unproved" });
    expect(decideSignUp(domains, { ...stranger, invitation: { email: null } })).toEqual({ ok: true });
  });

  it("reads the policy from the environment and says which applies", () => {
    expect(policyFromEnv({ AUTH_SIGNUP: "open" })).toEqual({ mode: "open" });
    expect(policyFromEnv({ AUTH_SIGNUP: "domains", AUTH_SIGNUP_DOMAINS: ["acme.com"] })).toEqual({ mode: "domains", domains: ["acme.com"] });
    expect(describePolicy({ mode: "open" })).toBeNull();
    expect(describePolicy({ mode: "invite-only" })).toMatch(/invite-only/);
    expect(describePolicy({ mode: "domains", domains: ["acme.com"] })).toBe("Accounts here are for @acme.com addresses, or for people with an invitation.");
  });
});

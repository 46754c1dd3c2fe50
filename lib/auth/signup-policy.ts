/**
 * Who may create an account on this instance (AUTH_SIGNUP, AUTH_SIGNUP_DOMAINS). Pure: the caller gathers the
 * facts (db/queries/signup.ts) and every path that creates a person asks here (password sign-up, sign-in link,
 * each SSO provider). Existing accounts are never asked: they keep signing in whatever the setting becomes.
 */
export type SignUpPolicy = { mode: "open" } | { mode: "invite-only" } | { mode: "domains"; domains: readonly string[] };

export type SignUpFacts = {
  /** The address the new account would have, lower-cased. */
  email: string;
  /** Whether that address is proved by this sign-up (the identity provider vouches for it, or a link sent to it is used). */
  emailProved: boolean;
  /** No account exists yet: the person setting up the instance. */
  firstAccount: boolean;
  /** A valid invitation the person holds: a join link (any address) or an email invitation (for its address). */
  invitation: { email: string | null } | null;
};

export type SignUpRefusal = "invite_only" | "domain" | "domain_unproved";
export type SignUpDecision = { ok: true } | { ok: false; reason: SignUpRefusal; message: string };

export function policyFromEnv(e: { AUTH_SIGNUP: "open" | "invite-only" | "domains"; AUTH_SIGNUP_DOMAINS?: string[] }): SignUpPolicy {
  if (e.AUTH_SIGNUP === "domains") return { mode: "domains", domains: e.AUTH_SIGNUP_DOMAINS ?? [] };
  return { mode: e.AUTH_SIGNUP };
}

export const domainOf = (email: string) => email.slice(email.lastIndexOf("@") + 1).toLowerCase();

function holdsInvitation(facts: SignUpFacts): boolean {
  const inv = facts.invitation;
  return !!inv && (inv.email === null || inv.email === facts.email.toLowerCase());
}

/** Whether this person may create an account, with the sentence to show when not. */
export function decideSignUp(policy: SignUpPolicy, facts: SignUpFacts): SignUpDecision {
  if (policy.mode === "open" || facts.firstAccount || holdsInvitation(facts)) return { ok: true };
  if (policy.mode === "invite-only") {
    return { ok: false, reason: "invite_only", message: INVITE_ONLY_REFUSAL };
  }
  if (!policy.domains.includes(domainOf(facts.email))) {
    return { ok: false, reason: "domain", message: `Accounts on this instance are for ${listDomains(policy.domains)} addresses. Ask your manager for an invitation.` };
  }
  if (!facts.emailProved) {
    return {
      ok: false,
      reason: "domain_unproved",
      message: `To sign up here, your ${listDomains(policy.domains)} address must be confirmed: use your company's sign-in, or ask your manager for an invitation.`,
    };
  }
  return { ok: true };
}

export const INVITE_ONLY_REFUSAL = "This instance is invite-only: you need an invitation link from a manager to create an account.";

export function listDomains(domains: readonly string[]): string {
  const shown = domains.map((d) => `@${d}`);
  return shown.length <= 1 ? (shown[0] ?? "") : `${shown.slice(0, -1).join(", ")} or ${shown.at(-1)}`;
}

/** What the sign-up page says about the policy before anyone types (null: open, nothing to say). */
export function describePolicy(policy: SignUpPolicy): string | null {
  if (policy.mode === "invite-only") return "This instance is invite-only. Open the invitation link a manager sent you to create your account.";
  if (policy.mode === "domains") return `Accounts here are for ${listDomains(policy.domains)} addresses, or for people with an invitation.`;
  return null;
}

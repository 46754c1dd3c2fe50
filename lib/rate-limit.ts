import { AsyncLocalStorage } from "node:async_hooks";
import { hitRateLimit, refundRateLimit } from "@/db/queries/rate-limits";
import { runtime } from "@/server/runtime.mjs";

/**
 * Every rate limit of the app, in one place. Counters live in the `rate_limits` table (fixed windows, one
 * atomic upsert per hit), so they hold across any number of app instances. Limits are generous enough for an
 * office behind one NAT address onboarding together, and for the end-to-end suite, which signs up every
 * person from 127.0.0.1.
 */
export const RATE_LIMITS = {
  // Sign-in: only failed attempts count (see startSignInAttempt).
  signInPerIp: { limit: 50, windowSeconds: 15 * 60, what: "sign-in attempts" },
  signInPerIpAccount: { limit: 10, windowSeconds: 15 * 60, what: "sign-in attempts" },
  // From every address together: caps the guesses at one password, whatever the parallelism or the addresses.
  signInPerAccount: { limit: 25, windowSeconds: 15 * 60, what: "sign-in attempts on this account" },
  signUpPerIp: { limit: 100, windowSeconds: 60 * 60, what: "sign-ups from this network" },
  magicLinkPerIp: { limit: 20, windowSeconds: 60 * 60, what: "sign-in links requested" },
  magicLinkPerEmail: { limit: 5, windowSeconds: 60 * 60, what: "sign-in links requested for this address" },
  passwordChangePerAccount: { limit: 10, windowSeconds: 15 * 60, what: "password change attempts" },
  emailProofPerAccount: { limit: 6, windowSeconds: 60 * 60, what: "confirmation links requested" },
  profileChangePerAccount: { limit: 20, windowSeconds: 15 * 60, what: "profile changes" },
  accountDeletionPerAccount: { limit: 5, windowSeconds: 15 * 60, what: "attempts to delete the account" },
  invitationsPerAccount: { limit: 100, windowSeconds: 60 * 60, what: "invitations" },
  invitationsPerTeam: { limit: 300, windowSeconds: 60 * 60, what: "invitations for this team" },
  apiPerToken: { limit: 60, windowSeconds: 60, what: "API requests" },
} as const satisfies Record<string, { limit: number; windowSeconds: number; what: string }>;

export type RatePolicyName = keyof typeof RATE_LIMITS;

/**
 * Failed sign-ins against one account from all addresses together: past a few, every attempt on that account
 * waits a little longer, up to a cap; past signInPerAccount's limit, they are refused (see startSignInAttempt).
 */
export const SIGN_IN_SLOWDOWN = {
  freeFailures: 10,
  stepMs: 250,
  maxMs: 3000,
} as const;

export type RateVerdict = { ok: true } | { ok: false; retryAfter: number; message: string };

/** "Try again in 4 minutes.", rounded up, in the largest unit that reads naturally. */
export function retryPhrase(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (s < 60) return `Try again in ${plural(s, "second")}.`;
  const minutes = Math.ceil(s / 60);
  if (minutes < 90) return `Try again in ${plural(minutes, "minute")}.`;
  return `Try again in ${plural(Math.ceil(minutes / 60), "hour")}.`;
}

/** The sentence a person sees when a limit stops them, e.g. "Too many sign-in attempts. Try again in 4 minutes." */
export function rateLimitMessage(policy: RatePolicyName, retryAfter: number): string {
  return `Too many ${RATE_LIMITS[policy].what}. ${retryPhrase(retryAfter)}`;
}

const keyOf = (policy: string, subject: string) => `${policy}:${subject}`;

/** Counts one request by `subject` (an address, email, user or team id) against a policy. */
export async function checkRateLimit(policy: RatePolicyName, subject: string): Promise<RateVerdict> {
  const { limit, windowSeconds } = RATE_LIMITS[policy];
  const r = await hitRateLimit(keyOf(policy, subject), limit, windowSeconds);
  if (r.allowed) return { ok: true };
  const message = rateLimitMessage(policy, r.retryAfter);
  noteRateLimited(policy, r.retryAfter, message);
  return { ok: false, retryAfter: r.retryAfter, message };
}

/** Counts against several policies in order; the first refusal wins and later ones are not counted. */
export async function checkRateLimits(checks: [RatePolicyName, string][]): Promise<RateVerdict> {
  for (const [policy, subject] of checks) {
    const verdict = await checkRateLimit(policy, subject);
    if (!verdict.ok) return verdict;
  }
  return { ok: true };
}

/** The added wait before checking a password, given the account's recent failures from every address. */
export function signInDelayMs(recentFailures: number): number {
  const over = recentFailures - SIGN_IN_SLOWDOWN.freeFailures;
  return over <= 0 ? 0 : Math.min(SIGN_IN_SLOWDOWN.maxMs, over * SIGN_IN_SLOWDOWN.stepMs);
}

export type SignInAttempt =
  | { ok: true; delayMs: number; finish: (succeeded: boolean) => Promise<void> }
  | { ok: false; retryAfter: number; message: string };

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/*
 * Sign-in protection. Four counters, all of FAILED attempts in a 15-minute window:
 *
 * 1. per address (signInPerIp): blocks one address guessing at many accounts;
 * 2. per address and account (signInPerIpAccount): blocks one address guessing at one account;
 * 3. per account across all addresses (signInPerAccount): caps the guesses at one account at 25 per window,
 *    however many addresses they come from (X-Forwarded-For can be chosen by a client reaching the app
 *    directly) and however many run at once;
 * 4. the same count slows every attempt on that account down once past 10, by up to a few seconds.
 *
 * Counter 3 is a lockout, by design and bounded: someone who floods an account with wrong passwords keeps its
 * password sign-in refused until the window ends (15 minutes at most after the first failure), for the owner
 * too; a sign-in link by email (when SMTP is configured) still works. Without it, a botnet or a rotating
 * header had unlimited guesses.
 *
 * Each attempt is counted before the password is checked, in one atomic statement per counter, so a burst of
 * parallel attempts cannot slip past a limit; a refused attempt gives back the counts it took (no password
 * was checked), and a success gives back exactly its own: it never resets the counters, so an attacker who
 * also knows one valid password cannot clear their failures by signing in with it.
 */
export async function startSignInAttempt(
  ip: string,
  email: string,
  sleep: (ms: number) => Promise<void> = wait,
): Promise<SignInAttempt> {
  const account = email.trim().toLowerCase();
  const ipKey = keyOf("signInPerIp", ip);
  const pairKey = keyOf("signInPerIpAccount", `${ip}|${account}`);
  const accountKey = keyOf("signInPerAccount", account);

  const perIp = await checkRateLimit("signInPerIp", ip);
  if (!perIp.ok) return perIp;
  const perPair = await checkRateLimit("signInPerIpAccount", `${ip}|${account}`);
  if (!perPair.ok) {
    await refundRateLimit(ipKey); // no password was checked: not a failure from this address
    return perPair;
  }
  const { limit, windowSeconds } = RATE_LIMITS.signInPerAccount;
  const perAccount = await hitRateLimit(accountKey, limit, windowSeconds);
  if (!perAccount.allowed) {
    await Promise.all([refundRateLimit(ipKey), refundRateLimit(pairKey), refundRateLimit(accountKey)]);
    const message = rateLimitMessage("signInPerAccount", perAccount.retryAfter);
    noteRateLimited("signInPerAccount", perAccount.retryAfter, message);
    return { ok: false, retryAfter: perAccount.retryAfter, message };
  }
  // The count includes this attempt; the ones before it are recent failures (or attempts still running).
  const delayMs = signInDelayMs(perAccount.count - 1);
  if (delayMs > 0) await sleep(delayMs);
  return {
    ok: true,
    delayMs,
    finish: async (succeeded) => {
      if (succeeded)
        await Promise.all([refundRateLimit(ipKey), refundRateLimit(pairKey), refundRateLimit(accountKey)]);
    },
  };
}

/*
 * HTTP endpoints that Auth.js answers (POST /api/auth/...) report a refused attempt as a redirect to the error
 * page. The route handler runs them inside answerTooManyRequests, which turns a refusal noted during the
 * request into 429 with Retry-After instead.
 */
const refusals = new AsyncLocalStorage<{ retryAfter?: number; message?: string }>();

function noteRateLimited(policy: RatePolicyName, retryAfter: number, message: string) {
  runtime().metrics.rateLimitRefusals.inc({ policy });
  const store = refusals.getStore();
  if (store && store.retryAfter === undefined) Object.assign(store, { retryAfter, message });
}

/** Runs an HTTP handler; when a rate limit refused something during it, answers 429 with Retry-After instead. */
export async function answerTooManyRequests(handler: () => Promise<Response>): Promise<Response> {
  const store: { retryAfter?: number; message?: string } = {};
  const response = await refusals.run(store, handler);
  if (store.retryAfter === undefined) return response;
  return Response.json(
    { error: { code: "rate_limited", message: store.message } },
    { status: 429, headers: { "Retry-After": String(store.retryAfter), "Cache-Control": "no-store" } },
  );
}

import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Every rate limit of the app, in one place. Counters live in the `rate_limits` table (counted by server/rate-limit.ts) (fixed windows, one
 * atomic upsert per hit), so they hold across any number of app instances. Limits are generous enough for an
 * office behind one NAT address onboarding together, and for the end-to-end suite, which signs up every
 * person from 127.0.0.1.
 */
export const RATE_LIMITS = {
  // Sign-in: only failed attempts count (see startSignInAttempt in server/rate-limit.ts).
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
 * waits a little longer, up to a cap; past signInPerAccount's limit, they are refused (see startSignInAttempt in server/rate-limit.ts).
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

/** The added wait before checking a password, given the account's recent failures from every address. */
export function signInDelayMs(recentFailures: number): number {
  const over = recentFailures - SIGN_IN_SLOWDOWN.freeFailures;
  return over <= 0 ? 0 : Math.min(SIGN_IN_SLOWDOWN.maxMs, over * SIGN_IN_SLOWDOWN.stepMs);
}

/** The counter's key in `rate_limits` for one policy and subject. */
export const keyOf = (policy: string, subject: string) => `${policy}:${subject}`;

/*
 * HTTP endpoints that Auth.js answers (POST /api/auth/...) report a refused attempt as a redirect to the error
 * page. The route handler runs them inside answerTooManyRequests, which turns a refusal noted during the
 * request into 429 with Retry-After instead.
 */
const refusals = new AsyncLocalStorage<{ retryAfter?: number; message?: string }>();

/** Remembers the first refusal during the current HTTP request (see answerTooManyRequests). */
export function noteRateLimited(retryAfter: number, message: string) {
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

// Counting requests against the limits of lib/rate-limit.ts, in the `rate_limits` table.
import { hitRateLimit, refundRateLimit } from "@/db/queries/rate-limits";
import { runtime } from "@/server/runtime.mjs";
import { keyOf, noteRateLimited, RATE_LIMITS, rateLimitMessage, signInDelayMs, type RatePolicyName, type RateVerdict } from "@/lib/rate-limit";

/**
 * Counts one request by `subject` (an address, email, user or team id) against a policy, or `hits` of them at
 * once (a batch: forty invitations count as forty). A refused batch gives its hits back, so it does not use up
 * the window for the single requests that still fit.
 */
export async function checkRateLimit(policy: RatePolicyName, subject: string, hits = 1): Promise<RateVerdict> {
  const { limit, windowSeconds } = RATE_LIMITS[policy];
  const key = keyOf(policy, subject);
  const r = await hitRateLimit(key, limit, windowSeconds, hits);
  if (r.allowed) return { ok: true };
  if (hits > 1) await refundRateLimit(key, hits);
  const message = rateLimitMessage(policy, r.retryAfter);
  noteRateLimited(r.retryAfter, message);
  runtime().metrics.rateLimitRefusals.inc({ policy });
  return { ok: false, retryAfter: r.retryAfter, message };
}

/** Counts against several policies in order; the first refusal wins and later ones are not counted. */
export async function checkRateLimits(checks: [RatePolicyName, string][], hits = 1): Promise<RateVerdict> {
  const counted: string[] = [];
  for (const [policy, subject] of checks) {
    const verdict = await checkRateLimit(policy, subject, hits);
    if (!verdict.ok) {
      // A refused batch takes nothing from the limits it passed either.
      if (hits > 1) for (const key of counted) await refundRateLimit(key, hits);
      return verdict;
    }
    counted.push(keyOf(policy, subject));
  }
  return { ok: true };
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
    noteRateLimited(perAccount.retryAfter, message);
    runtime().metrics.rateLimitRefusals.inc({ policy: "signInPerAccount" });
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

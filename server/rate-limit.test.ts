import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/db/testing/test-db";
import { answerTooManyRequests, RATE_LIMITS, rateLimitMessage, retryPhrase, SIGN_IN_SLOWDOWN } from "@/lib/rate-limit";
import { checkRateLimit, checkRateLimits, startSignInAttempt, type SignInAttempt } from "./rate-limit";

setupTestDatabase();

let n = 0;
const unique = (what: string) => `${what}-${++n}-${Math.random().toString(36).slice(2, 8)}`;
const noWait = async (_ms: number) => {};

/** One sign-in attempt that fails (wrong password) or succeeds, as server/auth/auth.ts runs it. */
async function attempt(ip: string, email: string, succeeds = false, sleep = noWait): Promise<SignInAttempt> {
  const a = await startSignInAttempt(ip, email, sleep);
  if (a.ok) await a.finish(succeeds);
  return a;
}

describe("rate-limit messages", () => {
  it("say when to retry, rounded up, in words", () => {
    expect(retryPhrase(1)).toBe("Try again in 1 second.");
    expect(retryPhrase(45)).toBe("Try again in 45 seconds.");
    expect(retryPhrase(60)).toBe("Try again in 1 minute.");
    expect(retryPhrase(181)).toBe("Try again in 4 minutes.");
    expect(retryPhrase(3600)).toBe("Try again in 60 minutes.");
    expect(retryPhrase(3 * 3600)).toBe("Try again in 3 hours.");
    expect(rateLimitMessage("signInPerIp", 240)).toBe("Too many sign-in attempts. Try again in 4 minutes.");
  });
});

describe("checkRateLimit", () => {
  it("counts a batch as its size, and a refused batch takes nothing from any limit", async () => {
    const [account, team] = [unique("account"), unique("team")];
    const { limit } = RATE_LIMITS.invitationsPerAccount;
    const both: Parameters<typeof checkRateLimits>[0] = [
      ["invitationsPerTeam", team],
      ["invitationsPerAccount", account],
    ];
    expect((await checkRateLimits(both, limit - 10)).ok).toBe(true);
    // Eleven more would pass the account's limit: refused, and neither counter keeps them.
    expect(await checkRateLimits(both, 11)).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many invitations\. Try again in/) });
    expect((await checkRateLimits(both, 10)).ok).toBe(true);
    expect((await checkRateLimit("invitationsPerAccount", account)).ok).toBe(false);
    // The team's counter got 90 + 10 + 1, under its own limit of 300.
    expect((await checkRateLimit("invitationsPerTeam", team, RATE_LIMITS.invitationsPerTeam.limit - limit - 1)).ok).toBe(true);
  });

  it("allows the policy's limit, then refuses with the time left in the window; other subjects are untouched", async () => {
    const team = unique("team");
    const { limit, windowSeconds } = RATE_LIMITS.invitationsPerTeam;
    for (let i = 0; i < limit; i++) expect((await checkRateLimit("invitationsPerTeam", team)).ok).toBe(true);
    const refused = await checkRateLimit("invitationsPerTeam", team);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.retryAfter).toBeGreaterThan(0);
    expect(refused.retryAfter).toBeLessThanOrEqual(windowSeconds);
    expect(refused.message).toMatch(/^Too many invitations for this team\. Try again in \d+ minutes\.$/);
    expect((await checkRateLimit("invitationsPerTeam", unique("team"))).ok).toBe(true);
    // The same subject under another policy has its own counter.
    expect((await checkRateLimit("invitationsPerAccount", team)).ok).toBe(true);
  });
});

const pairLimit = RATE_LIMITS.signInPerIpAccount.limit;

describe("sign-in attempts", () => {
  it("block one address after too many failures on one account; the owner's own address still signs in", async () => {
    const email = unique("owner") + "@example.test";
    const attacker = unique("ip");
    for (let i = 0; i < pairLimit; i++) expect((await attempt(attacker, email)).ok).toBe(true);
    const refused = await attempt(attacker, email, true);
    expect(refused).toMatchObject({
      ok: false,
      message: "Too many sign-in attempts. Try again in 15 minutes.",
    });
    // The email is matched case-insensitively: another spelling is the same account.
    expect((await attempt(attacker, email.toUpperCase())).ok).toBe(false);

    const owner = await attempt(unique("ip"), email, true);
    expect(owner.ok).toBe(true);
  });

  it("cap the guesses at one account, whatever the parallelism and however many addresses they come from", async () => {
    const email = unique("victim") + "@example.test";
    const { limit } = RATE_LIMITS.signInPerAccount;
    const waits: number[] = [];
    // A botnet (or one client rotating X-Forwarded-For): every attempt from a new address, all at once.
    const results = await Promise.all(
      Array.from({ length: 4 * limit }, () => attempt(unique("bot"), email, false, async (ms: number) => void waits.push(ms))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(limit);
    expect(results.find((r) => !r.ok)).toMatchObject({ message: "Too many sign-in attempts on this account. Try again in 15 minutes." });
    // The ones let through were slowed down, never by more than a few seconds.
    expect(Math.max(...waits)).toBe(SIGN_IN_SLOWDOWN.maxMs);
    expect(SIGN_IN_SLOWDOWN.maxMs).toBeLessThanOrEqual(5000);
    // Until the window ends, no address gets another guess, and other accounts are untouched.
    expect((await attempt(unique("ip"), email, true)).ok).toBe(false);
    expect((await attempt(unique("ip"), unique("other") + "@example.test", true)).ok).toBe(true);
  });

  it("start slowing an account down only after a few failures", async () => {
    const email = unique("rep") + "@example.test";
    const waits: number[] = [];
    const record = async (ms: number) => void waits.push(ms);
    for (let i = 0; i < SIGN_IN_SLOWDOWN.freeFailures + 2; i++)
      await attempt(unique("ip"), email, false, record);
    // Only attempts that actually waited call sleep: the first freeFailures attempts did not.
    expect(waits).toEqual([SIGN_IN_SLOWDOWN.stepMs]);
  });

  it("count only failures, and a success does not reset the address's failures", async () => {
    const email = unique("ana") + "@example.test";
    const ip = unique("ip");
    for (let i = 0; i < 50; i++) expect((await attempt(ip, email, true)).ok).toBe(true); // successes cost nothing
    for (let i = 0; i < pairLimit - 1; i++) await attempt(ip, email);
    expect((await attempt(ip, email, true)).ok).toBe(true); // a success gives back only its own count
    expect((await attempt(ip, email)).ok).toBe(true); // the limit-th failure
    expect((await attempt(ip, email, true)).ok).toBe(false);
  });

  it("block one address guessing at many accounts", async () => {
    const ip = unique("ip");
    for (let i = 0; i < RATE_LIMITS.signInPerIp.limit; i++)
      expect((await attempt(ip, unique("x") + "@example.test")).ok).toBe(true);
    expect(await attempt(ip, unique("fresh") + "@example.test")).toMatchObject({ ok: false });
    expect((await attempt(unique("ip"), unique("fresh") + "@example.test")).ok).toBe(true);
  });

  it("hold against a burst of parallel attempts", async () => {
    const email = unique("burst") + "@example.test";
    const ip = unique("ip");
    const results = await Promise.all(Array.from({ length: 3 * pairLimit }, () => attempt(ip, email)));
    expect(results.filter((r) => r.ok)).toHaveLength(pairLimit);
  });
});

describe("answerTooManyRequests", () => {
  it("turns a refusal during an HTTP request into 429 with Retry-After, and leaves other responses alone", async () => {
    const ok = await answerTooManyRequests(async () => new Response("fine", { status: 302 }));
    expect(ok.status).toBe(302);

    const ip = unique("ip");
    const email = unique("http") + "@example.test";
    for (let i = 0; i < pairLimit; i++) await attempt(ip, email);
    const res = await answerTooManyRequests(async () => {
      await attempt(ip, email);
      return new Response(null, { status: 302, headers: { Location: "/sign-in?error=CredentialsSignin" } });
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await res.json()).toEqual({
      error: { code: "rate_limited", message: "Too many sign-in attempts. Try again in 15 minutes." },
    });
  });
});

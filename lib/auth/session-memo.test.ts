import { encode, decode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { createDecodeMemo } from "./session-memo";
import { decodeSessionCookie } from "./session-token";

const SECRET = "session-memo-test-secret-".padEnd(40, "m");
const NAME = "authjs.session-token";

/** A decode that counts how often the real (jose) decryption runs. */
function countingDecode(token: string, secret = SECRET) {
  let runs = 0;
  return { run: () => (runs++, decode({ token, secret, salt: NAME })), runs: () => runs };
}

describe("the session decode memo", () => {
  it("decrypts a cookie once and serves the same claims to the next requests", async () => {
    const memo = createDecodeMemo();
    const token = await encode({ token: { sub: "user-1", sv: 2, sid: "s-1" }, secret: SECRET, salt: NAME });
    const d = countingDecode(token);
    const first = await memo.decode(token, NAME, [SECRET], d.run);
    const second = await memo.decode(token, NAME, [SECRET], d.run);
    expect(second).toEqual(first);
    expect(first).toMatchObject({ sub: "user-1", sv: 2, sid: "s-1" });
    expect(d.runs()).toBe(1);
  });

  it("forgets a token at its expiry: after it the decode runs again and refuses it", async () => {
    let clock = Date.now();
    const memo = createDecodeMemo(1024 * 1024, () => clock);
    const token = await encode({ token: { sub: "user-1" }, secret: SECRET, salt: NAME, maxAge: 60 });
    let runs = 0;
    const run = () => (runs++, decode({ token, secret: SECRET, salt: NAME }));
    expect(await memo.decode(token, NAME, [SECRET], run)).toMatchObject({ sub: "user-1" });
    clock += 61_000;
    // The memo does not answer for an expired token; the real decode is asked (and here, with the real clock
    // still before expiry, would accept it: what matters is that the memo did not).
    await memo.decode(token, NAME, [SECRET], run);
    expect(runs).toBe(2);
  });

  it("keeps no failed decode, and a different secret or cookie name never reuses a decode", async () => {
    const memo = createDecodeMemo();
    let runs = 0;
    const failing = async () => (runs++, null);
    await memo.decode("garbage", NAME, [SECRET], failing);
    await memo.decode("garbage", NAME, [SECRET], failing);
    expect(runs).toBe(2);

    const token = await encode({ token: { sub: "user-2" }, secret: SECRET, salt: NAME });
    await memo.decode(token, NAME, [SECRET], () => decode({ token, secret: SECRET, salt: NAME }));
    const other = "another-secret-".padEnd(40, "o");
    expect(await memo.decode(token, NAME, [other], () => decode({ token, secret: other, salt: NAME }).catch(() => null))).toBeNull();
    expect(await memo.decode(token, `__Secure-${NAME}`, [SECRET], async () => null)).toBeNull();
  });

  it("is bounded by bytes", async () => {
    const memo = createDecodeMemo(2000);
    for (let i = 0; i < 50; i++) {
      const token = await encode({ token: { sub: `user-${i}` }, secret: SECRET, salt: NAME });
      await memo.decode(token, NAME, [SECRET], () => decode({ token, secret: SECRET, salt: NAME }));
    }
    expect(memo.size().bytes).toBeLessThanOrEqual(2000);
    expect(memo.size().entries).toBeLessThan(50);
  });

  it("leaves the cookie reading as it was: a tampered cookie is still signed out though its original is memoised", async () => {
    const memo = createDecodeMemo();
    const value = await encode({ token: { sub: "user-3", sv: 1 }, secret: SECRET, salt: NAME });
    const read = (v: string) => decodeSessionCookie([{ name: NAME, value: v }], { secure: false, secrets: [SECRET], memo });
    expect(await read(value)).toEqual({ sub: "user-3", sv: 1 });
    expect(await read(value)).toEqual({ sub: "user-3", sv: 1 });
    const flipped = value.slice(0, -5) + (value.at(-5) === "A" ? "B" : "A") + value.slice(-4);
    expect(await read(flipped)).toBeNull();
  });
});

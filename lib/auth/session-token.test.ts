import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { authSecrets, decodeSessionCookie, usesSecureCookies } from "./session-token";

const SECRET = "session-token-test-secret-".padEnd(40, "s");
const NAME = "authjs.session-token";
const mint = (token: Record<string, unknown>, opts: { secret?: string; salt?: string; maxAge?: number } = {}) =>
  encode({ token, secret: opts.secret ?? SECRET, salt: opts.salt ?? NAME, maxAge: opts.maxAge });
const read = (cookies: { name: string; value: string }[], secrets = [SECRET], secure = false) =>
  decodeSessionCookie(cookies, { secure, secrets });

describe("decodeSessionCookie", () => {
  it("reads the person's id and session version from a token Auth.js would issue", async () => {
    const value = await mint({ sub: "user-1", sv: 3 });
    expect(await read([{ name: NAME, value }])).toEqual({ sub: "user-1", sv: 3 });
  });

  it("treats a token from before session versions as version 0", async () => {
    expect(await read([{ name: NAME, value: await mint({ sub: "user-1" }) }])).toEqual({ sub: "user-1", sv: 0 });
  });

  it("joins a token split into numbered chunks, in number order", async () => {
    const value = await mint({ sub: "user-2", sv: 1 });
    const a = value.slice(0, 50), b = value.slice(50, 120), c = value.slice(120);
    const cookies = [
      { name: `${NAME}.2`, value: c },
      { name: `${NAME}.0`, value: a },
      { name: "other", value: "x" },
      { name: `${NAME}.1`, value: b },
    ];
    expect(await read(cookies)).toEqual({ sub: "user-2", sv: 1 });
  });

  it("is signed out for no cookie, a tampered or foreign token, an expired one and one without a subject", async () => {
    const value = await mint({ sub: "user-1", sv: 0 });
    expect(await read([])).toBeNull();
    expect(await read([{ name: "unrelated", value }])).toBeNull();
    const flipped = value.slice(0, -5) + (value.at(-5) === "A" ? "B" : "A") + value.slice(-4);
    expect(await read([{ name: NAME, value: flipped }])).toBeNull();
    expect(await read([{ name: NAME, value: "not-a-token" }])).toBeNull();
    expect(await read([{ name: NAME, value: await mint({ sub: "user-1" }, { secret: "another-secret-".padEnd(40, "o") }) }])).toBeNull();
    expect(await read([{ name: NAME, value: await mint({ sub: "user-1" }, { maxAge: -60 }) }])).toBeNull();
    expect(await read([{ name: NAME, value: await mint({ sv: 0 }) }])).toBeNull();
    expect(await read([{ name: NAME, value }], [])).toBeNull();
  });

  it("over https reads only the __Secure- cookie, whose name is also the key's salt", async () => {
    const secureName = `__Secure-${NAME}`;
    const value = await mint({ sub: "user-3", sv: 0 }, { salt: secureName });
    expect(await read([{ name: secureName, value }], [SECRET], true)).toEqual({ sub: "user-3", sv: 0 });
    expect(await read([{ name: NAME, value }], [SECRET], true)).toBeNull();
    expect(await read([{ name: secureName, value }], [SECRET], false)).toBeNull();
  });

  it("accepts tokens made with a rotated-out secret still listed in AUTH_SECRET_1", async () => {
    const oldSecret = "the-previous-secret-".padEnd(40, "p");
    const value = await mint({ sub: "user-4", sv: 0 }, { secret: oldSecret });
    const secrets = authSecrets({ AUTH_SECRET: oldSecret, AUTH_SECRET_1: SECRET } as unknown as NodeJS.ProcessEnv);
    expect(secrets).toEqual([SECRET, oldSecret]);
    expect(await read([{ name: NAME, value }], secrets)).toEqual({ sub: "user-4", sv: 0 });
  });
});

describe("usesSecureCookies (the cookie name Auth.js picks)", () => {
  const env = (v: Record<string, string>) => v as unknown as NodeJS.ProcessEnv;
  it("follows AUTH_URL when set, whatever the forwarded protocol says", () => {
    expect(usesSecureCookies(env({ AUTH_URL: "https://ssi.example.com" }), "http")).toBe(true);
    expect(usesSecureCookies(env({ AUTH_URL: "http://localhost:3000" }), "https")).toBe(false);
  });
  it("otherwise follows X-Forwarded-Proto, and https when there is none", () => {
    expect(usesSecureCookies(env({}), "http")).toBe(false);
    expect(usesSecureCookies(env({}), "https")).toBe(true);
    expect(usesSecureCookies(env({}), null)).toBe(true);
  });
});

describe("decodeSessionCookie and session records", () => {
  it("reads the id of the token's session record when it has one", async () => {
    const value = await mint({ sub: "user-5", sv: 2, sid: "session-abc" });
    expect(await read([{ name: NAME, value }])).toEqual({ sub: "user-5", sv: 2, sid: "session-abc" });
    expect(await read([{ name: NAME, value: await mint({ sub: "user-5", sv: 2, sid: 7 }) }])).toEqual({ sub: "user-5", sv: 2 });
  });
});

// The session cookie's flags, as the app's real Auth.js handlers set them. Auth.js v5 decides per request:
// `useSecureCookies` defaults to `url.protocol === "https:"`, where the URL is AUTH_URL when set (next-auth's
// reqWithEnvURL) and otherwise the request's own URL, whose protocol `next start` takes from X-Forwarded-Proto
// (that last step is Next.js's, so e2e/sessions.spec.ts checks it against the running server). Secure cookies
// get the `__Secure-` prefix (`__Host-` for the CSRF cookie).
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createUserWithPassword } from "@/db/queries/users";
import { setupTestDatabase } from "@/db/testing/test-db";
import { hashPassword } from "@/lib/password";
import { RATE_LIMITS } from "@/lib/rate-limit";
import { authSecrets, decodeSessionCookie, usesSecureCookies } from "@/lib/auth/session-token";
import { withAuthSecret } from "@/lib/testing/auth-secret";

setupTestDatabase();
withAuthSecret("cookie-test-secret-".padEnd(40, "x"));

type Handlers = { GET: (r: NextRequest) => Promise<Response>; POST: (r: NextRequest) => Promise<Response> };
let handlers: Handlers;
const password = "cookie-test-password";
let email = "";

beforeAll(async () => {
  ({ handlers } = (await import("./auth")) as unknown as { handlers: Handlers });
  email = `cookie-${Math.random().toString(36).slice(2, 8)}@example.test`;
  await createUserWithPassword({ name: "Cookie Test", email, passwordHash: await hashPassword(password) });
});

const savedAuthUrl = process.env.AUTH_URL;
afterEach(() => {
  if (savedAuthUrl === undefined) delete process.env.AUTH_URL;
  else process.env.AUTH_URL = savedAuthUrl;
});

/** Signs in through Auth.js's own endpoints (CSRF token first, as a browser would) and returns the Set-Cookie lines. */
async function signInAt(origin: string, headers: Record<string, string> = {}) {
  const csrfRes = await handlers.GET(new NextRequest(`${origin}/api/auth/csrf`, { headers }));
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookies = csrfRes.headers.getSetCookie();
  const cookie = csrfCookies.map((c) => c.split(";")[0]).join("; ");
  const res = await handlers.POST(
    new NextRequest(`${origin}/api/auth/callback/credentials`, {
      method: "POST",
      headers: {
        ...headers,
        cookie,
        "content-type": "application/x-www-form-urlencoded",
        "x-forwarded-for": "192.0.2.10",
      },
      body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${origin}/teams` }),
    }),
  );
  const set = res.headers.getSetCookie();
  const session = set.find((c) => /authjs\.session-token=/.test(c));
  return { status: res.status, csrfCookie: csrfCookies.find((c) => /csrf-token=/.test(c)), session };
}

const flags = (cookie: string | undefined) =>
  (cookie ?? "")
    .split(";")
    .slice(1)
    .map((s) => s.trim().toLowerCase());

describe("session cookie", () => {
  it("on https: __Secure- prefixed, Secure, HttpOnly, SameSite=Lax", async () => {
    delete process.env.AUTH_URL;
    const { status, session, csrfCookie } = await signInAt("https://ssi.example.com");
    expect(status).toBe(302);
    expect(session).toMatch(/^__Secure-authjs\.session-token=/);
    expect(flags(session)).toEqual(expect.arrayContaining(["httponly", "secure", "samesite=lax", "path=/"]));
    expect(csrfCookie).toMatch(/^__Host-authjs\.csrf-token=/);
    expect(flags(csrfCookie)).toEqual(expect.arrayContaining(["httponly", "secure", "samesite=lax"]));
  });

  it("behind a TLS-terminating proxy: AUTH_URL https makes it Secure though the app itself is reached on http", async () => {
    process.env.AUTH_URL = "https://ssi.example.com";
    const { session } = await signInAt("http://127.0.0.1:3000");
    expect(session).toMatch(/^__Secure-authjs\.session-token=/);
    expect(flags(session)).toEqual(expect.arrayContaining(["httponly", "secure", "samesite=lax"]));
  });

  it("on plain http (local use): HttpOnly and SameSite=Lax, without Secure, which the browser would refuse there", async () => {
    delete process.env.AUTH_URL;
    const { session } = await signInAt("http://127.0.0.1:3000");
    expect(session).toMatch(/^authjs\.session-token=/);
    expect(flags(session)).toEqual(expect.arrayContaining(["httponly", "samesite=lax"]));
    expect(flags(session)).not.toContain("secure");
  });
});

describe("pages read the session cookie Auth.js set (lib/auth/session-token.ts)", () => {
  const asCookie = (line: string | undefined) => {
    const [pair] = (line ?? "").split(";");
    const at = pair!.indexOf("=");
    return { name: pair!.slice(0, at), value: pair!.slice(at + 1) };
  };

  it.each([
    ["https", "https://ssi.example.com", "https"],
    ["plain http", "http://127.0.0.1:3000", "http"],
  ])("on %s: the signed-in person's id and session version, and nothing under the other cookie name", async (_label, origin, proto) => {
    delete process.env.AUTH_URL;
    const { session } = await signInAt(origin);
    const secure = usesSecureCookies(process.env, proto);
    expect(secure).toBe(proto === "https");
    const { getUserCredentials } = await import("@/db/queries/users");
    const me = await getUserCredentials(email);
    const claims = await decodeSessionCookie([asCookie(session)], { secure, secrets: authSecrets(process.env) });
    expect(claims).toEqual({ sub: me!.id, sv: me!.sessionVersion, sid: expect.any(String) });
    // The sign-in recorded the session the token names (sign-out deletes the record).
    const { findActiveSession } = await import("@/db/queries/sessions");
    expect(await findActiveSession(claims!.sid!, me!.id)).toBeInstanceOf(Date);
    // The cookie name is the key-derivation salt: the same token under the other name is no session.
    const other = { ...asCookie(session), name: secure ? "authjs.session-token" : "__Secure-authjs.session-token" };
    expect(await decodeSessionCookie([other], { secure: !secure, secrets: authSecrets(process.env) })).toBeNull();
  });
});

describe("POST /api/auth/callback/credentials", () => {
  const post = async (
    route: { POST: (r: NextRequest) => Promise<Response> },
    body: Record<string, string>,
    headers: Record<string, string>,
  ) =>
    route.POST(
      new NextRequest("http://127.0.0.1:3000/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
        body: new URLSearchParams(body),
      }),
    );

  it("without the CSRF token signs nobody in", async () => {
    delete process.env.AUTH_URL;
    const route = await import("@/app/api/auth/[...nextauth]/route");
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await post(route, { email, password }, { "x-forwarded-for": "192.0.2.20" });
    logged.mockRestore();
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/error=MissingCSRF/);
    expect(res.headers.getSetCookie().some((c) => /session-token=/.test(c))).toBe(false);
  });

  it("answers 429 with Retry-After once an address has failed too often, even with the right password", async () => {
    delete process.env.AUTH_URL;
    const route = await import("@/app/api/auth/[...nextauth]/route");
    const csrfRes = await handlers.GET(new NextRequest("http://127.0.0.1:3000/api/auth/csrf"));
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const cookie = csrfRes.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const from = { cookie, "x-forwarded-for": "192.0.2.30" };
    for (let i = 0; i < RATE_LIMITS.signInPerIpAccount.limit; i++) {
      const wrong = await post(route, { email, password: "not-the-password", csrfToken }, from);
      expect(wrong.headers.get("location")).toMatch(/error=CredentialsSignin/);
    }
    const res = await post(route, { email, password, csrfToken }, from);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(800);
    expect(await res.json()).toMatchObject({
      error: { message: "Too many sign-in attempts. Try again in 15 minutes." },
    });
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});

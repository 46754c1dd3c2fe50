import { cookies, headers } from "next/headers";
import { decode } from "next-auth/jwt";
import { sessionDecodeMemo } from "./session-memo";

/**
 * What the session token says: the person's id, the session version it was issued under, and the id of its
 * server-side session record (db/queries/sessions.ts; absent from tokens issued before there were records).
 */
export type SessionClaims = { sub: string; sv: number; sid?: string };

const BASE_NAME = "authjs.session-token";

/**
 * Whether Auth.js uses its `__Secure-` cookies for this request. Auth.js decides from the URL it builds for the
 * request (@auth/core createActionURL): AUTH_URL (or NEXTAUTH_URL) when set, otherwise the X-Forwarded-Proto header,
 * which `next start` always sets, defaulting to https.
 */
export function usesSecureCookies(env: NodeJS.ProcessEnv, forwardedProto: string | null): boolean {
  const envUrl = env.AUTH_URL ?? env.NEXTAUTH_URL;
  let protocol: string;
  try {
    protocol = envUrl ? new URL(envUrl).protocol : (forwardedProto ?? "https");
  } catch {
    protocol = forwardedProto ?? "https";
  }
  return protocol.replace(/:$/, "") === "https";
}

/** The secrets Auth.js accepts, in its order: AUTH_SECRET_1…3 (rotation) before AUTH_SECRET. */
export function authSecrets(env: NodeJS.ProcessEnv): string[] {
  const list: string[] = [];
  if (env.AUTH_SECRET) list.push(env.AUTH_SECRET);
  for (const i of [1, 2, 3]) {
    const s = env[`AUTH_SECRET_${i}`];
    if (s) list.unshift(s);
  }
  return list;
}

/**
 * Reads the session from the request's cookies the way Auth.js does (the same cookie name, chunks `.0`, `.1`…
 * when a token was split, the cookie name as the key-derivation salt, expiry checked), without the rest of
 * `auth()`: Auth.js's session endpoint also re-encrypts a refreshed token and builds a Response, which a page
 * cannot send anyway, and on every signed-in page that work was a large share of its render (docs/PERFORMANCE.md).
 * Returns null for no cookie, a token that does not decrypt with our secrets, an expired one, or one without a
 * subject. The decrypted claims are memoised by the cookie's value until the token expires (./session-memo.ts);
 * the checks that a session was not revoked stay per request (lib/authz.ts).
 */
export async function decodeSessionCookie(
  all: { name: string; value: string }[],
  opts: { secure: boolean; secrets: string[]; /** Tests: a memo of their own (default: the process's). */ memo?: ReturnType<typeof sessionDecodeMemo> },
): Promise<SessionClaims | null> {
  const name = `${opts.secure ? "__Secure-" : ""}${BASE_NAME}`;
  let token = all.find((c) => c.name === name)?.value;
  if (!token) {
    const chunks = all
      .map((c) => ({ c, m: c.name.startsWith(`${name}.`) ? /^\d+$/.exec(c.name.slice(name.length + 1)) : null }))
      .filter((x) => x.m)
      .sort((a, b) => Number(a.m![0]) - Number(b.m![0]));
    token = chunks.map((x) => x.c.value).join("");
  }
  if (!token || opts.secrets.length === 0) return null;
  try {
    const secrets = opts.secrets;
    const payload = await (opts.memo ?? sessionDecodeMemo()).decode(token, name, secrets, () => decode({ token, secret: secrets, salt: name }));
    if (!payload || typeof payload.sub !== "string" || payload.sub === "") return null;
    // decode() checks `exp` (with Auth.js's 15 s tolerance); a token without one never came from Auth.js.
    if (typeof payload.exp !== "number") return null;
    const sid = typeof payload.sid === "string" && payload.sid !== "" ? payload.sid : undefined;
    return { sub: payload.sub, sv: typeof payload.sv === "number" ? payload.sv : 0, ...(sid ? { sid } : {}) };
  } catch {
    return null;
  }
}

/** The current request's session claims, or null when signed out (see decodeSessionCookie). */
export async function readSession(): Promise<SessionClaims | null> {
  const [h, c] = await Promise.all([headers(), cookies()]);
  return decodeSessionCookie(c.getAll(), {
    secure: usesSecureCookies(process.env, h.get("x-forwarded-proto")),
    secrets: authSecrets(process.env),
  });
}

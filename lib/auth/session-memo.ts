import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";

/**
 * The session cookie's decrypted claims, memoised by the cookie's value: decrypting the JWE (jose's key
 * derivation and AES-GCM) is costly next to a cached page (figures: docs/PERFORMANCE.md), and a browser sends
 * the same cookie on every request. Only the cryptographic decode is memoised: whether the session is still valid (its server-side
 * record exists, the person's session version is unchanged: sign-out everywhere, a password change) is checked
 * per request by lib/authz.ts, after this. Only tokens that decoded are kept, each until its own `exp`, bounded
 * by bytes (4 MiB, least recently used out first), keyed by a SHA-256 of the salt (the cookie name), the
 * secrets and the token, so a rotated secret or a renamed cookie never reuses a decode made under the old one.
 */
export type MemoClaims = { claims: Record<string, unknown>; exp: number };

const MAX_BYTES = 4 * 1024 * 1024;

export function createDecodeMemo(maxBytes = MAX_BYTES, now: () => number = Date.now) {
  const store = new LRUCache<string, MemoClaims>({
    maxSize: maxBytes,
    sizeCalculation: (v, k) => k.length + JSON.stringify(v.claims).length + 16,
  });
  const keyOf = (token: string, salt: string, secrets: string[]) =>
    createHash("sha256").update(salt).update("\0").update(secrets.join("\0")).update("\0").update(token).digest("base64url");

  return {
    /**
     * The claims `decode` gives for this token, from the memo while the token has not expired. `decode` returns
     * null (or throws) for a token that does not decode: such results are not kept.
     */
    async decode(
      token: string,
      salt: string,
      secrets: string[],
      decode: () => Promise<Record<string, unknown> | null>,
    ): Promise<Record<string, unknown> | null> {
      const key = keyOf(token, salt, secrets);
      const hit = store.get(key);
      if (hit) {
        if (now() < hit.exp * 1000) return hit.claims;
        store.delete(key);
      }
      const claims = await decode();
      if (claims && typeof claims.exp === "number" && now() < claims.exp * 1000) store.set(key, { claims, exp: claims.exp });
      return claims;
    },
    size: () => ({ entries: store.size, bytes: store.calculatedSize }),
  };
}

const g = globalThis as unknown as { __ssiSessionMemo?: ReturnType<typeof createDecodeMemo> };
/** The process's memo (on globalThis: one for every bundle of the app). */
export const sessionDecodeMemo = () => (g.__ssiSessionMemo ??= createDecodeMemo());

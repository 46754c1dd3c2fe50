import { headers } from "next/headers";
import { env, type TrustProxy } from "@/lib/env";

/*
 * The client's address, as a rate-limit key. What Next.js 16 gives a route handler or server action is headers
 * only (NextRequest has no `ip` since Next 15): `next start` puts the socket's remote address into
 * X-Forwarded-For when the request carries none, and keeps the header as it is when it carries one. So:
 *
 * - TRUST_PROXY unset/false (the app is reached directly): the last X-Forwarded-For entry, which is the socket
 *   address Next.js recorded. A client connecting directly can send its own header and Next.js keeps it, so
 *   per-address limits hold only behind a proxy that sets the header; the per-account limits hold regardless.
 * - TRUST_PROXY=n (n reverse proxies in front, each appending the address it saw): the n-th entry from the
 *   right. Entries further left were written by the client and are never trusted.
 * - TRUST_PROXY=true: the first entry, for a single proxy that overwrites the header instead of appending.
 *
 * Without X-Forwarded-For (other runtimes, tests): X-Real-IP, then the standard Forwarded header's `for=`.
 */
export function clientIp(headers: Headers, trust: TrustProxy): string {
  const forwarded = splitList(headers.get("x-forwarded-for"));
  if (forwarded.length > 0) {
    const index = trust === "all" ? 0 : Math.max(0, forwarded.length - Math.max(1, trust));
    return normalizeIp(forwarded[index]!);
  }
  const real = headers.get("x-real-ip")?.trim();
  if (real) return normalizeIp(real);
  const standard = /for="?\[?([^;,"\]]+)/i.exec(headers.get("forwarded") ?? "");
  if (standard?.[1]) return normalizeIp(standard[1]);
  return "unknown";
}

/** The current request's client address (server actions, pages), read as TRUST_PROXY says. */
export async function requestClientIp(): Promise<string> {
  return clientIp(await headers(), env().TRUST_PROXY);
}

function splitList(value: string | null): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** One spelling per address: no port, no IPv4-mapped IPv6 prefix, lower case, bounded length. */
export function normalizeIp(raw: string): string {
  let ip = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(ip);
  if (bracketed) ip = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(ip)) ip = ip.replace(/:\d+$/, "");
  if (ip.startsWith("::ffff:") && ip.includes(".")) ip = ip.slice(7);
  return ip.slice(0, 64) || "unknown";
}

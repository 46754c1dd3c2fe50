import { NextResponse, type NextRequest } from "next/server";
import { isAppPath } from "@/lib/auth/config";
import { contentSecurityPolicy, newNonce } from "@/lib/csp";
import { databaseAnswers } from "@/lib/database-health";
import { unavailablePageHtml } from "@/lib/unavailable-page";
import { strictTransportSecurity } from "@/lib/hsts";

/** Auth.js's session cookie (with the __Secure- prefix over https; split into .0, .1… when large). */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const hasSessionCookie = (req: NextRequest) =>
  req.cookies.getAll().some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)));

const pagePolicy = (req: NextRequest, nonce: string) =>
  contentSecurityPolicy(nonce, {
    // An office dashboard may embed the TV screen; nothing else may be framed.
    allowFraming: req.nextUrl.pathname.startsWith("/tv/"),
    dev: process.env.NODE_ENV === "development",
  });

/** Passes the request on with a per-request CSP nonce that Next.js applies to its scripts. */
function withCsp(req: NextRequest): NextResponse {
  const policy = pagePolicy(req, newNonce());
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", policy);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("Content-Security-Policy", policy);
  return res;
}

/**
 * A server action posted from another origin. Next.js refuses it too, but by throwing, which answers 500; this
 * answers 403 first. The same comparison as Next.js: the Origin's host against X-Forwarded-Host, else Host.
 * A request without Origin is left to Next.js (browsers always send one with a POST).
 */
function crossOriginAction(req: NextRequest): boolean {
  if (req.method !== "POST" || !req.headers.has("next-action")) return false;
  const origin = req.headers.get("origin");
  if (origin === null) return false;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" (a sandboxed or file: page) or garbage
  }
}

/** How long a page waits for the database to answer, once it was seen down, before the outage page is sent. */
const OUTAGE_PROBE_MS = 1_500;

/** The designed outage page with 503 and Retry-After, and this response's own CSP nonce for its script. */
function unavailable(req: NextRequest): NextResponse {
  const nonce = newNonce();
  return new NextResponse(req.method === "HEAD" ? null : unavailablePageHtml(nonce), {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Retry-After": "30",
      "Content-Security-Policy": pagePolicy(req, nonce),
    },
  });
}

/**
 * Sends visitors without a session cookie from the signed-in areas to sign-in (and back afterwards), and sets
 * the Content-Security-Policy. Not a security boundary: every page and action verifies the session on the
 * server. The proxy deliberately does not decode or refresh the session here: a refreshed cookie on a response
 * that was in flight while the person signed out (a prefetch, a second tab) would bring the ended session
 * back, and decoding it twice per page was a measurable cost on every signed-in request (docs/PERFORMANCE.md).
 * Sessions therefore last 30 days from sign-in.
 *
 * Also: a cross-origin server action gets 403, and while the database is known to be down (lib/database-health.ts)
 * a page gets the outage page with 503 (a page render could only say 500) until the database answers again.
 */
export async function proxy(req: NextRequest) {
  const res = await route(req);
  // Read per request from the running server's environment, not fixed at build time like next.config.js.
  const hsts = strictTransportSecurity();
  if (hsts) res.headers.set("Strict-Transport-Security", hsts);
  return res;
}

async function route(req: NextRequest): Promise<NextResponse> {
  const { pathname, search } = req.nextUrl;
  if (crossOriginAction(req)) {
    return NextResponse.json({ error: "Cross-origin requests are refused." }, { status: 403, headers: { "Cache-Control": "no-store" } });
  }
  if ((req.method === "GET" || req.method === "HEAD") && !(await databaseAnswers(OUTAGE_PROBE_MS))) return unavailable(req);
  if ((req.method === "GET" || req.method === "HEAD") && isAppPath(pathname) && !hasSessionCookie(req)) {
    const url = new URL("/sign-in", req.nextUrl);
    url.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(url);
  }
  return withCsp(req);
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|txt|webmanifest)$).*)"],
};

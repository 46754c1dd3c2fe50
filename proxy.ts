import { NextResponse, type NextRequest } from "next/server";
import { isAppPath } from "@/lib/auth/config";
import { contentSecurityPolicy, newNonce } from "@/lib/csp";

/** Auth.js's session cookie (with the __Secure- prefix over https; split into .0, .1… when large). */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const hasSessionCookie = (req: NextRequest) =>
  req.cookies.getAll().some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)));

/** Passes the request on with a per-request CSP nonce that Next.js applies to its scripts. */
function withCsp(req: NextRequest): NextResponse {
  const policy = contentSecurityPolicy(newNonce(), {
    // An office dashboard may embed the TV screen; nothing else may be framed.
    allowFraming: req.nextUrl.pathname.startsWith("/tv/"),
    dev: process.env.NODE_ENV === "development",
  });
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", policy);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("Content-Security-Policy", policy);
  return res;
}

/**
 * Sends visitors without a session cookie from the signed-in areas to sign-in (and back afterwards), and sets
 * the Content-Security-Policy. Not a security boundary: every page and action verifies the session on the
 * server. The proxy deliberately does not decode or refresh the session here: a refreshed cookie on a response
 * that was in flight while the person signed out (a prefetch, a second tab) would bring the ended session
 * back, and decoding it twice per page cost ≈ 2 ms of CPU. Sessions therefore last 30 days from sign-in.
 */
export function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
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

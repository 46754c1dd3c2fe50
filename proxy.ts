import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { contentSecurityPolicy, newNonce } from "@/lib/csp";

const { auth } = NextAuth(authConfig);

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

const redirectSignedOutOrPass = auth((req) => withCsp(req)) as unknown as (req: NextRequest) => Promise<Response>;

/**
 * Redirects signed-out visitors to sign-in and sets the Content-Security-Policy. Not a security boundary:
 * every page and action checks on the server. Only page loads go through Auth.js here: on a POST (a server
 * action such as sign-out) its session-cookie refresh could race the action's own cookie change and bring a
 * just-ended session back.
 */
export async function proxy(req: NextRequest) {
  if (req.method !== "GET" && req.method !== "HEAD") return withCsp(req);
  return redirectSignedOutOrPass(req);
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|txt|webmanifest)$).*)"],
};

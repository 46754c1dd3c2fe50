import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/config";

const { auth } = NextAuth(authConfig);
const redirectSignedOut = auth as unknown as (req: NextRequest) => Promise<Response>;

/**
 * Redirects signed-out visitors to sign-in. Not a security boundary: every page and action checks on the server.
 * Only page loads go through Auth.js here: on a POST (a server action such as sign-out) its session-cookie
 * refresh could race the action's own cookie change and bring a just-ended session back.
 */
export async function proxy(req: NextRequest) {
  if (req.method !== "GET" && req.method !== "HEAD") return NextResponse.next();
  return redirectSignedOut(req);
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|txt|webmanifest)$).*)"],
};

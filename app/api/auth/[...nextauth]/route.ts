import { NextRequest } from "next/server";
import { handlers } from "@/server/auth/auth";
import { answerOutage } from "@/server/api";
import { describeSession } from "@/lib/authz";
import { answerTooManyRequests } from "@/lib/rate-limit";
import { BODY_LIMITS, bodyTooLarge, readBodyWithin } from "@/lib/request-body";

/**
 * Auth.js's GET endpoints, except the session: Auth.js would answer it by re-issuing the cookie with a fresh
 * 30-day expiry, which would keep a session alive for ever and revive a copy of one. It is answered here from
 * the server's record instead, and never sets a cookie.
 */
export const GET = answerOutage(async function GET(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/api/auth/session")) {
    return Response.json(await describeSession(), { headers: { "Cache-Control": "no-store" } });
  }
  return handlers.GET(request);
});

/**
 * Auth.js's POST endpoints (sign-in, magic-link requests, sign-out): the body is read only up to a small limit
 * (413 past it), and a rate-limit refusal answers 429 with Retry-After.
 */
export const POST = answerOutage(async function POST(request: NextRequest) {
  const body = await readBodyWithin(request, BODY_LIMITS.authForm);
  if (body === "too_large") return bodyTooLarge(BODY_LIMITS.authForm);
  const bounded = new NextRequest(request.url, { method: "POST", headers: request.headers, body });
  return answerTooManyRequests(() => handlers.POST(bounded));
});

import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { answerTooManyRequests } from "@/lib/rate-limit";

export const { GET } = handlers;

/** Auth.js's POST endpoints (sign-in, magic-link requests); a rate-limit refusal answers 429 with Retry-After. */
export async function POST(request: NextRequest) {
  return answerTooManyRequests(() => handlers.POST(request));
}

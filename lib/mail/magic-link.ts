import { createHash } from "node:crypto";
import { AuthError } from "next-auth";
import { enqueueEmail } from "@/db/queries/outbox";
import { clientIp } from "@/lib/client-ip";
import { env } from "@/lib/env";
import { checkRateLimits } from "@/lib/rate-limit";
import { kickSender } from "./sender";
import { signInEmail } from "./templates";

/** Too many sign-in links asked for, from this address or for this email; nothing was sent. */
export class MagicLinkRateLimited extends AuthError {
  static type = "AccessDenied";
  constructor(
    readonly retryAfter: number,
    readonly userMessage: string,
  ) {
    super(userMessage);
  }
}

/**
 * Auth.js's email provider hook: the sign-in link goes through the outbox like every other email (retried if
 * SMTP is down, visible in the mail preview), and a drain starts at once so it arrives in seconds. Every
 * magic-link request passes here (the sign-in page's action and direct POSTs to Auth.js), so the limits per
 * address and per email are applied here.
 */
export async function sendVerificationRequest(params: { identifier: string; url: string; request?: Request }): Promise<void> {
  const ip = params.request ? clientIp(params.request.headers, env().TRUST_PROXY) : "unknown";
  const verdict = await checkRateLimits([
    ["magicLinkPerIp", ip],
    ["magicLinkPerEmail", params.identifier.trim().toLowerCase()],
  ]);
  if (!verdict.ok) throw new MagicLinkRateLimited(verdict.retryAfter, verdict.message);
  const { host } = new URL(params.url);
  const mail = signInEmail({ url: params.url, host });
  const key = createHash("sha256").update(params.url).digest("hex").slice(0, 32);
  // The token is blanked out of the stored copy once SMTP has the message (outbox `secret`).
  const secret = new URL(params.url).searchParams.get("token");
  await enqueueEmail(null, { dedupeKey: `magic_link:${key}`, kind: "magic_link", to: params.identifier, ...mail, secret });
  kickSender();
}

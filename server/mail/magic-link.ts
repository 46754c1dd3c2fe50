import { AuthError } from "next-auth";
import { enqueueEmail } from "@/db/queries/outbox";
import { clientIp } from "@/lib/client-ip";
import { env } from "@/lib/env";
import { checkRateLimits } from "@/server/rate-limit";
import { onPublicOrigin } from "@/lib/mail/origin";
import { kickSender } from "./sender";
import { signInEmail } from "@/lib/mail/templates";
import { sha256Hex } from "@/lib/hash";

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
 * address and per email are applied here. Auth.js builds the link from AUTH_URL, or from the request's
 * Host / X-Forwarded-Host when it is unset: the link is moved onto the public origin (same path, same token),
 * so nobody can have a working sign-in token mailed to a victim on a host of their choosing.
 */
export async function sendVerificationRequest(params: { identifier: string; url: string; request?: Request }): Promise<void> {
  const ip = params.request ? clientIp(params.request.headers, env().TRUST_PROXY) : "unknown";
  const verdict = await checkRateLimits([
    ["magicLinkPerIp", ip],
    ["magicLinkPerEmail", params.identifier.trim().toLowerCase()],
  ]);
  if (!verdict.ok) throw new MagicLinkRateLimited(verdict.retryAfter, verdict.message);
  const url = onPublicOrigin(params.url);
  const mail = signInEmail({ url, host: new URL(url).host });
  const key = sha256Hex(url).slice(0, 32);
  // The token is blanked out of the stored copy once SMTP has the message (outbox `secret`).
  const secret = new URL(url).searchParams.get("token");
  await enqueueEmail(null, { dedupeKey: `magic_link:${key}`, kind: "magic_link", to: params.identifier, ...mail, secret });
  kickSender();
}

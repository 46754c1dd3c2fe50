import { createHash } from "node:crypto";
import { enqueueEmail } from "@/db/queries/outbox";
import { kickSender } from "./sender";
import { signInEmail } from "./templates";

/**
 * Auth.js's email provider hook: the sign-in link goes through the outbox like every other email (retried if
 * SMTP is down, visible in the mail preview), and a drain starts at once so it arrives in seconds.
 */
export async function sendVerificationRequest(params: { identifier: string; url: string }): Promise<void> {
  const { host } = new URL(params.url);
  const mail = signInEmail({ url: params.url, host });
  const key = createHash("sha256").update(params.url).digest("hex").slice(0, 32);
  await enqueueEmail(null, { dedupeKey: `magic_link:${key}`, kind: "magic_link", to: params.identifier, ...mail });
  kickSender();
}

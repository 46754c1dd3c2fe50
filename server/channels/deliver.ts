// Posting one claimed outbox message to its team's channel. The webhook URL is read here, at send time, from
// the connection (never copied into the outbox), so disconnecting or deleting the team stops every pending post.
import { getChannelForSending, setChannelBroken } from "@/db/queries/channels";
import type { ClaimedMessage } from "@/db/queries/outbox";
import { postToWebhook, type PostOutcome } from "@/lib/channels/post";
import { parseAllowedOrigins } from "@/lib/channels/url";

export type ChannelDeliveryOptions = { now: Date; timeoutMs?: number; allowedOrigins?: readonly string[] };

// Read at each call (not from the cached env()): the allowance can be changed without a restart of the sender.
export const allowedOriginsFromEnv = () => parseAllowedOrigins(process.env.CHANNEL_WEBHOOK_ALLOWED_ORIGINS);

const refused = (error: string): PostOutcome => ({ ok: false, retry: false, retryAfterMs: null, error });

/** Posts the message; a refusal other than 429/5xx flags the connection broken, so managers see why. */
export async function deliverChannelMessage(m: ClaimedMessage, opts: ChannelDeliveryOptions): Promise<PostOutcome> {
  const channel = m.teamId ? await getChannelForSending(m.teamId) : null;
  if (!channel || channel.kind !== m.channel) return refused("Not posted: the channel was disconnected before this message went out.");
  if (channel.brokenAt) return refused(`Not posted: the connection is broken (${channel.brokenReason ?? "refused"}).`);
  const outcome = await postToWebhook(channel.url, channel.kind, m.text, {
    allowedOrigins: opts.allowedOrigins ?? allowedOriginsFromEnv(),
    timeoutMs: opts.timeoutMs,
    now: opts.now,
  });
  if (!outcome.ok && !outcome.retry) await setChannelBroken(m.teamId!, outcome.error, opts.now);
  return outcome;
}

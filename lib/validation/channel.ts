import { z } from "zod";
import { checkWebhookUrl, type ChannelKind } from "@/lib/channels/url";
import type { ActionState } from "./action-state";

export const channelConnectShape = z.object({
  url: z.string({ error: "Paste the webhook URL." }).max(2000, "That URL is too long to be a webhook URL."),
  kind: z.enum(["auto", "slack", "teams"], { error: "Choose Slack or Microsoft Teams." }).default("auto"),
});

export type ChannelConnectState = ActionState<"url" | "kind">;

/** The channel's other forms (options, test post, disconnect). */
export type ChannelActionState = ActionState<never>;

/**
 * The connect form: the URL must point at Slack's or Teams' webhook hosts (or an allowed origin), and the kind
 * is recognised from it unless chosen. Errors never repeat the URL.
 */
export function parseChannelConnect(
  values: Record<string, string>,
  allowedOrigins: readonly string[],
): { ok: true; data: { url: string; kind: ChannelKind; hint: string } } | { ok: false; fieldErrors: NonNullable<ChannelConnectState["fieldErrors"]> } {
  const parsed = channelConnectShape.safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const check = checkWebhookUrl(parsed.data.url, allowedOrigins);
  if (!check.ok) return { ok: false, fieldErrors: { url: [check.error] } };
  const kind = parsed.data.kind === "auto" ? check.kind : parsed.data.kind;
  if (!kind) return { ok: false, fieldErrors: { kind: ["This address is not Slack's or Teams' own: choose which service it speaks for."] } };
  if (check.kind && check.kind !== kind) {
    return { ok: false, fieldErrors: { kind: [`That is a ${check.kind === "slack" ? "Slack" : "Microsoft Teams"} webhook URL: choose that service, or “Recognise from the URL”.`] } };
  }
  return { ok: true, data: { url: check.url.href, kind, hint: check.hint } };
}

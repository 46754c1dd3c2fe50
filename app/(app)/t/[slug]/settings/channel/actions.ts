"use server";

import { revalidatePath } from "next/cache";
import { connectChannel, disconnectChannel, getChannelForSending, setChannelBroken, updateChannelOptions } from "@/db/queries/channels";
import { requireTeamRole } from "@/lib/authz";
import { allowedOriginsFromEnv } from "@/server/channels/deliver";
import { postToWebhook } from "@/lib/channels/post";
import { renderTest } from "@/lib/channels/render";
import { CHANNEL_LABELS } from "@/lib/channels/url";
import { formValues } from "@/lib/form-data";
import { publicOrigin } from "@/lib/mail/origin";
import { parseChannelConnect, type ChannelActionState, type ChannelConnectState } from "@/lib/validation/channel";

const page = (slug: string) => `/t/${slug}/settings/channel`;

/** Connects the team's channel (or replaces its webhook URL). The URL is never echoed back. */
export async function connectChannelAction(slug: string, _prev: ChannelConnectState, formData: FormData): Promise<ChannelConnectState> {
  const parsed = parseChannelConnect(formValues(formData), allowedOriginsFromEnv());
  const { access } = await requireTeamRole(slug, "manager");
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors };
  await connectChannel(access, parsed.data);
  revalidatePath(page(slug));
  return { ok: true, message: `Connected to ${CHANNEL_LABELS[parsed.data.kind]}. Send a test message to check it.` };
}

/** Switches the weekly summary and the highlights on or off (checkboxes: absent means off). */
export async function saveChannelOptionsAction(slug: string, _prev: ChannelActionState, formData: FormData): Promise<ChannelActionState> {
  const opts = { weeklyEnabled: formData.get("weekly") === "on", highlightsEnabled: formData.get("highlights") === "on" };
  const { access } = await requireTeamRole(slug, "manager");
  if (!(await updateChannelOptions(access, opts))) return { message: "Connect a channel first." };
  revalidatePath(page(slug));
  return { ok: true, message: "Channel posts saved." };
}

/** Posts a test message right away and shows the service's answer; a refusal flags the connection, a success clears it. */
export async function sendTestMessageAction(slug: string, _prev: ChannelActionState): Promise<ChannelActionState> {
  const { access, team } = await requireTeamRole(slug, "manager");
  const channel = await getChannelForSending(access.teamId);
  if (!channel) return { message: "Connect a channel first." };
  const post = renderTest(channel.kind, team.name, `${publicOrigin()}/t/${team.slug}`);
  const r = await postToWebhook(channel.url, channel.kind, JSON.stringify(post.body), { allowedOrigins: allowedOriginsFromEnv() });
  if (r.ok) await setChannelBroken(access.teamId, null);
  else if (!r.retry) await setChannelBroken(access.teamId, r.error);
  revalidatePath(page(slug));
  return r.ok ? { ok: true, message: `Test message sent: ${r.answer}.` } : { message: `The test message was not posted: ${r.error}` };
}

/** Disconnects: the webhook URL is deleted, and nothing more is posted. */
export async function disconnectChannelAction(slug: string, _prev: ChannelActionState): Promise<ChannelActionState> {
  const { access } = await requireTeamRole(slug, "manager");
  await disconnectChannel(access);
  revalidatePath(page(slug));
  return { ok: true, message: "Channel disconnected; its webhook URL was deleted." };
}

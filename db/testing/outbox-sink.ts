import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Db } from "../client";
import { outbox } from "../schema";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";
import { startWebhookStandIn, type WebhookStandIn } from "./webhook-stand-in";
import { connectChannel, updateChannelOptions } from "../queries/channels";
import { checkWebhookUrl } from "@/lib/channels/url";
import type { TeamAccess } from "@/lib/team-access";
import { closeTransports, drainOutbox } from "@/server/mail/sender";

/**
 * For a test file that drains the outbox over real SMTP: one loopback sink for the file, and before each test
 * an empty outbox and a sink that has received nothing and refuses nothing. Returns the sink (once started).
 */
export function setupOutboxSink(t: { db: () => Db }): () => SmtpSink {
  let sink: SmtpSink | undefined;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    closeTransports();
    await sink?.close();
  });
  beforeEach(async () => {
    await t.db().delete(outbox).where(sql`true`);
    sink!.received.length = 0;
    sink!.refuseNext(0);
  });
  return () => sink!;
}

/**
 * For a test file that drains channel posts from the outbox: one local stand-in for Slack's and Teams'
 * webhooks for the file, and before each test an empty outbox and a stand-in that has received nothing.
 */
export function setupOutboxWebhook(t: { db: () => Db }): () => WebhookStandIn {
  let hook: WebhookStandIn | undefined;
  beforeAll(async () => {
    hook = await startWebhookStandIn();
  });
  afterAll(() => hook?.close());
  beforeEach(async () => {
    await t.db().delete(outbox).where(sql`true`);
    hook!.reset();
  });
  return () => hook!;
}

/** Connects the team's channel to the stand-in, at `/hook/<team id>`, with these post options. */
export async function connectStandInChannel(
  hook: WebhookStandIn,
  team: { id: string; owner: TeamAccess },
  kind: "slack" | "teams",
  opts: { weeklyEnabled: boolean; highlightsEnabled: boolean },
) {
  const check = checkWebhookUrl(hook.url(`/hook/${team.id}`), [hook.origin]);
  if (!check.ok) throw new Error(check.error);
  await connectChannel(team.owner, { url: check.url.href, kind, hint: check.hint });
  await updateChannelOptions(team.owner, opts);
}

/** Drains the outbox a moment ahead of the clock (a just-enqueued post is due), posting only to the stand-in. */
export const drainToStandIn = (hook: WebhookStandIn) =>
  drainOutbox({ now: new Date(Date.now() + 1000), allowedOrigins: [hook.origin], transportUrl: null, webhookTimeoutMs: 5000 });

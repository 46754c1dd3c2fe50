import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Db } from "../client";
import { outbox } from "../schema";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";
import { startWebhookStandIn, type WebhookStandIn } from "./webhook-stand-in";
import { closeTransports } from "@/server/mail/sender";

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

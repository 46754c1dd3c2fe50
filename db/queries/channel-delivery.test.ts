// Channel posts through the outbox, against a real local HTTP server standing in for Slack and Teams: retries
// on 5xx / 429 (honouring Retry-After) / timeouts, exactly one delivery with two concurrent senders, a 4xx that
// flags the connection broken, the SSRF refusal, and the webhook URL kept secret.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { setupTestDatabase } from "../testing/test-db";
import { makeTeam, makeUser } from "../testing/factories";
import { startWebhookStandIn, type WebhookStandIn } from "../testing/webhook-stand-in";
import { auditLog, outbox, teamChannels } from "../schema";
import { connectChannel, disconnectChannel, getChannelStatus, listChannelDeliveries } from "./channels";
import { deleteTeam } from "./teams";
import { enqueueEmail } from "./outbox";
import { drainOutbox, MAX_ATTEMPTS } from "@/server/mail/sender";
import { checkWebhookUrl } from "@/lib/channels/url";

const t = setupTestDatabase();
let hook: WebhookStandIn;
let elsewhere: WebhookStandIn;
beforeAll(async () => {
  hook = await startWebhookStandIn();
  elsewhere = await startWebhookStandIn();
});
afterAll(async () => {
  await hook.close();
  await elsewhere.close();
});
beforeEach(async () => {
  await t.db().delete(outbox).where(sql`true`);
  hook.reset();
  elsewhere.reset();
});

let seq = 0;
async function connectedTeam(kind: "slack" | "teams" = "slack") {
  const owner = await makeUser();
  const team = await makeTeam(owner.id);
  const url = hook.url(`/services/T${++seq}/B0/s3cr3t-token-${seq}`);
  const check = checkWebhookUrl(url, [hook.origin]);
  if (!check.ok) throw new Error(check.error);
  await connectChannel(team.owner, { url, kind, hint: check.hint });
  return { team, url };
}
async function post(teamId: string, kind: "slack" | "teams" = "slack", n = 1) {
  for (let i = 0; i < n; i++) {
    await enqueueEmail(null, { dedupeKey: `test:${teamId}:${++seq}`, kind: "channel_test", channel: kind, to: "", subject: `Post ${seq}`, html: "", text: JSON.stringify({ text: `post ${seq}` }), teamId });
  }
}
// A moment ahead of the clock: PostgreSQL stores microseconds and a Date only milliseconds, so a row enqueued in
// this very millisecond could otherwise look not yet due to a drain run "now".
const justNow = () => new Date(Date.now() + 10);
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
const opts = (now: Date) => ({ now, allowedOrigins: [hook.origin], transportUrl: null, webhookTimeoutMs: 5000 });

describe(`channel delivery on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("retries a 5xx and a 429 (waiting as long as Retry-After says), then posts exactly once", async () => {
    const { team } = await connectedTeam();
    await post(team.id);
    hook.replyNext({ status: 503, body: "service unavailable" }, { status: 429, body: "rate_limited", headers: { "retry-after": "120" } });
    const t0 = justNow();
    expect(await drainOutbox(opts(t0))).toMatchObject({ claimed: 1, retried: 1 });
    const [first] = await t.db().select().from(outbox);
    expect(first!.lastError).toBe("Slack answered 503 service unavailable");
    expect(await drainOutbox(opts(at(first!.nextAttemptAt, 0)))).toMatchObject({ claimed: 1, retried: 1 });
    const [second] = await t.db().select().from(outbox);
    const t1 = at(first!.nextAttemptAt, 0);
    expect(second!.nextAttemptAt.getTime() - t1.getTime()).toBe(120_000);
    expect(await drainOutbox(opts(at(t1, 119_000)))).toMatchObject({ claimed: 0 });
    expect(await drainOutbox(opts(at(t1, 120_000)))).toMatchObject({ claimed: 1, sent: 1 });
    expect(hook.received).toHaveLength(3);
    expect(hook.delivered()).toHaveLength(1);
    expect(hook.delivered()[0]!.contentType).toContain("application/json");
    expect(await drainOutbox(opts(at(t1, 10 * 3600_000)))).toMatchObject({ claimed: 0 });
  });

  it("retries after a timeout and never posts a message twice with two senders draining at once", async () => {
    const { team } = await connectedTeam("teams");
    await post(team.id, "teams");
    hook.replyNext({ status: 200, body: "", delayMs: 3000 });
    const r = await drainOutbox({ ...opts(justNow()), webhookTimeoutMs: 500 });
    expect(r).toMatchObject({ claimed: 1, retried: 1 });
    expect((await t.db().select().from(outbox))[0]!.lastError).toBe("No answer within 0.5 s.");
    await post(team.id, "teams", 12);
    const later = at(justNow(), 3600_000);
    const [a, b] = await Promise.all([drainOutbox({ ...opts(later), limit: 7 }), drainOutbox({ ...opts(later), limit: 7 })]);
    expect(a.sent + b.sent).toBe(13);
    const bodies = hook.delivered().map((d) => d.body);
    expect(bodies).toHaveLength(13);
    expect(new Set(bodies).size).toBe(13);
  });

  it("a 4xx stops the retries and flags the connection broken, with the service's reason for managers", async () => {
    const { team } = await connectedTeam();
    await post(team.id);
    hook.replyNext({ status: 404, body: "channel_not_found" });
    expect(await drainOutbox(opts(justNow()))).toMatchObject({ claimed: 1, failed: 1, retried: 0 });
    const status = await getChannelStatus(team.owner);
    expect(status?.brokenAt).toBeInstanceOf(Date);
    expect(status?.brokenReason).toBe("Slack answered 404 channel_not_found");
    const [row] = await listChannelDeliveries(team.owner);
    expect(row).toMatchObject({ status: "failed", attempts: 1, lastError: "Slack answered 404 channel_not_found" });
    // Later posts are not sent to a broken connection.
    await post(team.id);
    expect(await drainOutbox(opts(justNow()))).toMatchObject({ failed: 1 });
    expect(hook.received).toHaveLength(1);
  });

  it(`fails after ${MAX_ATTEMPTS} tries of 5xx with the last reason, like email`, async () => {
    const { team } = await connectedTeam();
    await post(team.id);
    let now = justNow();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      hook.replyNext({ status: 500, body: `boom ${i + 1}` });
      await drainOutbox(opts(now));
      now = at(now, 2 * 3600_000);
    }
    const [row] = await listChannelDeliveries(team.owner);
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lastError: `Slack answered 500 boom ${MAX_ATTEMPTS}` });
    expect((await getChannelStatus(team.owner))?.brokenAt).toBeNull();
  });

  it("never calls an address the configuration no longer allows, and never follows a redirect", async () => {
    const { team } = await connectedTeam();
    await post(team.id);
    expect(await drainOutbox({ ...opts(justNow()), allowedOrigins: [] })).toMatchObject({ failed: 1 });
    expect(hook.received).toHaveLength(0);
    const other = await connectedTeam();
    await post(other.team.id);
    hook.replyNext({ status: 302, headers: { location: elsewhere.url() } });
    expect(await drainOutbox(opts(justNow()))).toMatchObject({ failed: 1 });
    expect(elsewhere.received).toHaveLength(0);
  });

  it("keeps the URL secret: never in the outbox, the audit log, the status or a log line; gone on disconnect and team delete", async () => {
    const log = vi.spyOn(console, "log");
    const error = vi.spyOn(console, "error");
    const warn = vi.spyOn(console, "warn");
    const { team, url } = await connectedTeam();
    await post(team.id, "slack", 2);
    hook.replyNext({ status: 500, body: "x" });
    await drainOutbox(opts(justNow()));
    const token = url.split("/").pop()!;
    const dump = JSON.stringify([await t.db().select().from(outbox), await t.db().select().from(auditLog), await getChannelStatus(team.owner)]);
    expect(dump).not.toContain(token);
    expect(JSON.stringify([log.mock.calls, error.mock.calls, warn.mock.calls])).not.toContain(token);
    expect((await getChannelStatus(team.owner))?.urlHint).toMatch(/^127\.0\.0\.1:\d+ …/);

    await post(team.id);
    await disconnectChannel(team.owner);
    expect(await t.db().select().from(teamChannels).where(sql`team_id = ${team.id}`)).toHaveLength(0);
    hook.reset();
    expect(await drainOutbox(opts(at(justNow(), 3600_000)))).toMatchObject({ failed: 2 });
    expect(hook.received).toHaveLength(0);

    const gone = await connectedTeam();
    expect(await deleteTeam(gone.team.owner)).toEqual({ ok: true });
    expect(await t.db().select().from(teamChannels).where(sql`team_id = ${gone.team.id}`)).toHaveLength(0);
  });
});

// Clean shutdown: SIGTERM in the middle of a burst of API writes, while the outbox sender is delivering to a slow
// mail server. Every write the server acknowledged is stored, the server exits 0 having released the embedded
// database's lock, and no outbox message is left claimed (waiting for its lease to run out).
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startSmtpSink, type SmtpSink } from "@/db/testing/smtp-sink";
import { missingBuild, PORT_BASE, startProd, tempDir, withDb, type ProdServer } from "./server";

const PORT = PORT_BASE;
const SMTP_PORT = PORT_BASE + 1;
const EMAILS = 60;

const tmp = tempDir("ssi-shutdown-");
const pgliteDir = path.join(tmp.dir, "pglite");
let sink: SmtpSink | undefined;
let server: ProdServer | undefined;
afterAll(async () => {
  if (server) await server.stop();
  await sink?.close();
  tmp.remove();
});

type Pair = { userId: string; measuredOn: string };

describe.skipIf(missingBuild())("clean shutdown", () => {
  it("finishes the writes in flight, releases claimed emails, closes the database and exits 0", async () => {
    const bench = await import("../../scripts/bench-data");
    const { enqueueEmails } = await import("@/db/queries/outbox");
    const { database } = await import("@/db/client");
    const writers = await withDb({ pgliteDir }, async () => {
      const w = await bench.prepareBenchWriters(40);
      const msgs = Array.from({ length: EMAILS }, (_, i) => ({
        dedupeKey: `shutdown-test:${i}`,
        kind: "invitation",
        to: `person-${i}@shutdown.test`,
        subject: `Message ${i}`,
        html: `<p>Message ${i}</p>`,
        text: `Message ${i}`,
      }));
      expect(await enqueueEmails(await database(), msgs)).toBe(EMAILS);
      return w;
    });

    // A mail server that takes 150 ms per message: the sender (the scheduler's first tick, 5 s after start) is
    // still delivering when the signal comes.
    sink = await startSmtpSink({ port: SMTP_PORT, delayMs: 150 });
    server = await startProd({ port: PORT, dataDir: tmp.dir, env: { SMTP_URL: sink.url, MAIL_FROM: "SSI <noreply@shutdown.test>" } });
    const base = server.base;

    const { addDays, todayInZone } = await import("@/lib/dates");
    const yesterday = addDays(todayInZone("UTC"), -1);
    const acknowledged: Pair[] = [];
    const statuses = new Map<string, number>();
    let k = 0;
    let stop = false;
    const writer = async () => {
      while (!stop) {
        const n = k++;
        const w = writers[n % writers.length]!;
        const pair = { userId: w.userId, measuredOn: addDays(yesterday, -Math.floor(n / writers.length)) };
        try {
          const res = await fetch(`${base}/api/v1/snapshots`, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${w.token}` },
            body: JSON.stringify({ measuredOn: pair.measuredOn, brand: 10, people: 11, insights: 12, relationships: 13 }),
          });
          await res.text();
          statuses.set(String(res.status), (statuses.get(String(res.status)) ?? 0) + 1);
          if (res.ok) acknowledged.push(pair);
        } catch {
          // Refused or reset: the server has stopped listening. Not acknowledged, so it need not be stored.
          statuses.set("no answer", (statuses.get("no answer") ?? 0) + 1);
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    };
    const burst = Array.from({ length: 8 }, writer);

    // Signal once writes are flowing and the sender is mid-delivery.
    for (let i = 0; i < 600 && (acknowledged.length < 40 || sink.count < 2); i++) await new Promise((r) => setTimeout(r, 50));
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    expect(sink.count).toBeGreaterThanOrEqual(2);
    const ackedBeforeSignal = acknowledged.length;
    server.child.kill("SIGTERM");
    const exit = await server.exited;
    stop = true;
    await Promise.all(burst);
    const log = server.lines.join("\n");
    server = undefined;

    expect(exit, log).toEqual({ code: 0, signal: null });
    expect(log).toContain("stopped cleanly");
    expect(fs.existsSync(`${pgliteDir}.lock`), "the embedded database's lock is released").toBe(false);
    expect(statuses.has("500") || statuses.has("503"), JSON.stringify([...statuses])).toBe(false);

    const { stored, outbox } = await withDb({ pgliteDir }, async () => {
      const { queryRows } = await import("@/db/client");
      const { sql } = await import("drizzle-orm");
      const rows = await queryRows<{ status: string; claimed: number; attempted: number; n: number }>(
        await database(),
        sql`select status, count(*)::int as n, (count(*) filter (where locked_until is not null))::int as claimed,
              (count(*) filter (where attempts > 0))::int as attempted
            from outbox group by status`,
      );
      return { stored: await bench.countStoredPairs(acknowledged), outbox: Object.fromEntries(rows.map((r) => [r.status, r])) };
    });
    console.log(
      `[shutdown] ${acknowledged.length} writes acknowledged (${acknowledged.length - ackedBeforeSignal} after the signal), ` +
        `answers ${JSON.stringify(Object.fromEntries(statuses))}; ${sink.count} emails delivered before stopping, ` +
        `outbox ${JSON.stringify(outbox)}`,
    );
    // No acknowledged write lost.
    expect(stored).toBe(acknowledged.length);
    // Every email the mail server accepted is marked sent; none was left claimed; the rest wait, unattempted, for
    // the next sender, and nothing failed.
    expect(outbox.sent?.n ?? 0).toBe(sink.count);
    expect(outbox.pending?.n ?? 0).toBe(EMAILS - sink.count);
    expect(outbox.pending?.n ?? 0).toBeGreaterThan(0);
    expect(outbox.pending?.claimed ?? 0).toBe(0);
    expect(outbox.pending?.attempted ?? 0).toBe(0);
    expect(outbox.failed).toBeUndefined();
    // Each delivered once.
    expect(new Set(sink.received.map((m) => m.subject)).size).toBe(sink.count);
  });
});

// Two production servers on one PostgreSQL database, checked through HTTP (and the mail server they send to):
// migrations started on both at the same moment apply once; a score written through A is on B's board at once;
// every scheduler (A's, and each of B's two workers') over a due digest hour produces one digest per member; all
// senders draining one outbox deliver every email once. Needs DATABASE_URL (a PostgreSQL server; the test makes and drops its own database).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startSmtpSink, type SmtpSink } from "@/db/testing/smtp-sink";
import { databaseUrlFor } from "@/db/testing/pg-urls";
import { missingBuild, pgStatement, PORT_BASE, root, signIn, startProd, tempDir, withDb, type ProdServer } from "./server";

const serverUrl = process.env.DATABASE_URL;
const PORTS = [PORT_BASE + 30, PORT_BASE + 31] as const;
const SMTP_PORT = PORT_BASE + 32;
const EXTRA_EMAILS = 150;
const MEMBERS = 4;
const PASSWORD = "two instances password";
const name = `${process.env.PROD_TEST_DB_PREFIX ?? "ssi_prod"}_instances_${process.pid}_${randomBytes(3).toString("hex")}`;
const url = serverUrl ? databaseUrlFor(serverUrl, name) : "";
const AUTH_SECRET = randomBytes(32).toString("base64"); // one secret for the fleet: a session works on both
const tmp = [tempDir("ssi-inst-a-"), tempDir("ssi-inst-b-")];
let servers: ProdServer[] = [];
let sink: SmtpSink | undefined;

/** One statement on the server's maintenance database, or on `target`. */
const admin = (statement: string, target = serverUrl!) => pgStatement(target, statement);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await sink?.close();
  for (const t of tmp) t.remove();
  if (serverUrl) await admin(`drop database if exists "${name}" with (force)`);
});

/**
 * Both servers, started at the same moment; resolves when both answer /api/health. A is `next start` on the
 * project's build in one process, B the self-contained server from its own folder with two workers
 * (server/cluster.mjs): the two ways of deploying, one fleet of three processes.
 */
async function startBoth(env: Record<string, string>) {
  servers = await Promise.all(
    PORTS.map((port, i) =>
      startProd({ port, dataDir: tmp[i]!.dir, standalone: i === 1, env: { DATABASE_URL: url, AUTH_SECRET, WEB_CONCURRENCY: i === 1 ? "2" : "1", ...env } }),
    ),
  );
  return servers as [ProdServer, ProdServer];
}

async function metric(server: ProdServer, series: string): Promise<number> {
  const text = await (await fetch(`${server.base}/api/metrics`, { headers: { authorization: "Bearer instances-metrics-token-0000" } })).text();
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe.skipIf(!serverUrl || missingBuild() || missingBuild(true))("two instances on one PostgreSQL", () => {
  it("apply the migrations once, share scores at once, send one digest per member and every email once", async () => {
    await admin(`create database "${name}"`);

    // 1. An empty database; both start (and migrate) at the same moment.
    const journal = JSON.parse(fs.readFileSync(path.join(root, "db", "migrations", "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
    let [a, b] = await startBoth({ DISABLE_SCHEDULER: "1" });
    for (const s of [a, b]) expect(await (await fetch(`${s.base}/api/health`)).json()).toMatchObject({ status: "ok", database: { kind: "postgres" } });
    const applied = (await admin(`select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash`, url)) as unknown as { n: number }[];
    expect(applied.length).toBe(journal.entries.length);
    expect(applied.every((r) => r.n === 1)).toBe(true);
    for (const s of [a, b]) expect(s.lines.filter((l) => /"level":50|error/i.test(l)), s.lines.join("\n")).toEqual([]);
    const stopped = await Promise.all([a.stop(), b.stop()]);
    expect(stopped).toEqual([{ code: 0, signal: null }, { code: 0, signal: null }]);

    // 2. A team whose digest is due (its send day is the first day of the week, from midnight), members with
    // scores, and a backlog of emails waiting in the outbox.
    const { hashPassword } = await import("@/lib/password");
    const { addMember, makeSnapshot, makeTeam, makeUser } = await import("@/db/testing/factories");
    const { createApiToken } = await import("@/db/queries/api-tokens");
    const { enqueueEmails } = await import("@/db/queries/outbox");
    const { database } = await import("@/db/client");
    const { addDays, todayInZone } = await import("@/lib/dates");
    const today = todayInZone("UTC");
    const seeded = await withDb({ url }, async () => {
      const hash = await hashPassword(PASSWORD);
      const owner = await makeUser({ name: "Olive Owner", email: "owner@instances.test", passwordHash: hash });
      const team = await makeTeam(owner.id, { name: "Two instances", weekStart: 1, digestDay: 1, digestHour: 0 });
      const people = [owner];
      for (let i = 1; i < MEMBERS; i++) {
        const p = await makeUser({ name: `Member ${i}`, email: `member-${i}@instances.test`, passwordHash: hash });
        await addMember(team.id, p.id);
        people.push(p);
      }
      for (const [i, p] of people.entries()) await makeSnapshot(p.id, addDays(today, -3), 40 + i);
      const token = await createApiToken(people[1]!.id, "instances test");
      await enqueueEmails(
        await database(),
        Array.from({ length: EXTRA_EMAILS }, (_, i) => ({ dedupeKey: `instances:${i}`, kind: "invitation", to: `backlog-${i}@instances.test`, subject: `Backlog ${i}`, html: `<p>${i}</p>`, text: `${i}` })),
      );
      return { slug: team.slug, token: token.token, emails: people.map((p) => p.email) };
    });

    // 3. Both again, with their schedulers (first tick 5 s after start) and one slow-ish mail server.
    sink = await startSmtpSink({ port: SMTP_PORT, delayMs: 20 });
    [a, b] = await startBoth({ SMTP_URL: sink.url, MAIL_FROM: "SSI <noreply@instances.test>", METRICS_TOKEN: "instances-metrics-token-0000" });

    // A score written through A is on B's board on the next request.
    const cookie = (await signIn(b.base, "owner@instances.test", PASSWORD))!;
    expect(cookie).toBeTruthy();
    const before = await (await fetch(`${b.base}/t/${seeded.slug}`, { headers: { cookie } })).text();
    expect(before).toContain("Member 1");
    expect(before).not.toContain("22.22");
    const write = await fetch(`${a.base}/api/v1/snapshots`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${seeded.token}` },
      body: JSON.stringify({ measuredOn: today, brand: 22.22, people: 22.22, insights: 22.22, relationships: 22.22 }),
    });
    expect(write.status).toBe(201);
    // On B's board at once: the components to two decimals, the total (88.88) to one.
    const after = await (await fetch(`${b.base}/t/${seeded.slug}`, { headers: { cookie } })).text();
    expect(after).toContain("22.22");
    expect(after).toContain(">88.9<");

    // Every email once: the backlog and one digest per member, whichever instance sent it.
    const expected = EXTRA_EMAILS + MEMBERS;
    for (let i = 0; i < 600 && sink.count < expected; i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1500)); // anything sent twice would arrive now
    const perRecipient = new Map<string, number>();
    for (const m of sink.received) for (const to of m.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    expect(sink.count).toBe(expected);
    expect([...perRecipient.values()].every((n) => n === 1), JSON.stringify([...perRecipient].filter(([, n]) => n !== 1))).toBe(true);
    for (const email of seeded.emails) expect(perRecipient.get(email), email).toBe(1);
    const digestsA = await metric(a, "ssi_digests_sent_total");
    const digestsB = await metric(b, "ssi_digests_sent_total");
    expect(digestsA + digestsB).toBe(MEMBERS);
    const backlogA = await metric(a, 'ssi_outbox_sent_total{kind="invitation"}');
    const backlogB = await metric(b, 'ssi_outbox_sent_total{kind="invitation"}');
    expect(backlogA + backlogB).toBe(EXTRA_EMAILS);
    // The pool figures, read from PostgreSQL's own view of this instance's connections.
    expect(await metric(a, "ssi_db_pool_max")).toBe(10);
    expect(await metric(b, "ssi_db_pool_max")).toBe(20); // B's two workers, merged
    expect(await metric(a, 'ssi_db_pool_connections{state="open"}')).toBeGreaterThanOrEqual(1);
    console.log(`[instances] backlog sent by A: ${backlogA}, by B: ${backlogB}; digests by A: ${digestsA}, by B: ${digestsB}`);
    // The digest run itself happened once: one "enqueued" digest-tick among both instances' job lines.
    const runs = [a, b].flatMap((s) => s.records()).filter((r) => r.job === "digest-tick" && (r.summary as { digestRuns?: number })?.digestRuns);
    expect(runs.map((r) => (r.summary as { digestRuns: number }).digestRuns)).toEqual([1]);
  });
});

// npm run bench:digest [-- --members 5000 --concurrency 8]
// Builds and delivers one team's weekly digest for N members to a local SMTP sink and prints the figures.
// Runs on a throwaway in-memory PGlite by default; with DATABASE_URL it writes a bench team into THAT
// database (use a scratch one). A benchmark, not a test: nothing is asserted beyond "every email arrived".
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { installDatabase, openDatabase } from "../db/client";
import { memberships, snapshots, teams, users } from "../db/schema";
import { buildTeamDigestEmails, runTeamDigest } from "../server/digest/run";
import { countOutbox } from "../db/queries/outbox";
import { startSmtpSink } from "../db/testing/smtp-sink";
import { addDays, todayInZone } from "../lib/dates";
import { lastCompletedWeek } from "../lib/digest/week";
import { closeTransports, drainAll } from "../server/mail/sender";

const { values } = parseArgs({ options: { members: { type: "string", default: "5000" }, concurrency: { type: "string", default: "8" } } });
const N = Number(values.members);
const CONCURRENCY = Number(values.concurrency);
process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";

const handle = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { pgliteDir: "memory://" });
await handle.ready;
installDatabase(handle);
const db = handle.db;
const sink = await startSmtpSink();
sink.countOnly = true;

const run = Math.random().toString(36).slice(2, 8);
const ms = (t0: number) => performance.now() - t0;
try {
  let t0 = performance.now();
  const [team] = await db.insert(teams).values({ name: `Bench ${run}`, slug: `bench-${run}`, timeZone: "America/Los_Angeles" }).returning({ id: teams.id });
  const week = lastCompletedWeek({ timeZone: "America/Los_Angeles", weekStart: 1 }, new Date());
  const ids: string[] = [];
  for (let i = 0; i < N; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, N - i) }, (_, k) => ({ name: `Rep ${i + k}`, email: `rep-${run}-${i + k}@bench.test` }));
    ids.push(...(await db.insert(users).values(rows).returning({ id: users.id })).map((r) => r.id));
  }
  for (let i = 0; i < N; i += 1000) {
    await db.insert(memberships).values(ids.slice(i, i + 1000).map((userId, k) => ({ teamId: team!.id, userId, role: i + k === 0 ? ("owner" as const) : ("member" as const) })));
  }
  // Two scores each (a week apart), most people submitting; a tenth never did.
  const snaps = ids.flatMap((userId, i) => {
    if (i % 10 === 9) return [];
    const s = (x: number) => Math.round(((i * 37 + x) % 2400) / 96 * 1000) / 1000; // 0–25
    const mk = (measuredOn: string, x: number) => {
      const c = { brand: s(x), people: s(x + 500), insights: s(x + 1000), relationships: s(x + 1500) };
      return { userId, measuredOn, ...c, total: Math.round((c.brand + c.people + c.insights + c.relationships) * 1000) / 1000 };
    };
    return [mk(addDays(week.end, -8 - (i % 3)), 0), mk(addDays(week.end, -(i % 5)), 300)];
  });
  for (let i = 0; i < snaps.length; i += 1000) await db.insert(snapshots).values(snaps.slice(i, i + 1000));
  console.log(`seeded ${N} members, ${snaps.length} snapshots on ${handle.kind} in ${(ms(t0) / 1000).toFixed(1)} s (week of ${week.start}, today ${todayInZone("America/Los_Angeles")})`);

  t0 = performance.now();
  const built = await buildTeamDigestEmails(team!.id, week, "https://ssi.example.test");
  const buildMs = ms(t0);
  const bytes = built.reduce((s, e) => s + e.html.length + e.text.length, 0);
  console.log(`build: ${built.length} digests in ${buildMs.toFixed(0)} ms (${(buildMs / built.length).toFixed(2)} ms each; ${(bytes / built.length / 1024).toFixed(1)} KiB html+text each)`);

  t0 = performance.now();
  const r = await runTeamDigest(team!.id, week, { origin: "https://ssi.example.test" });
  console.log(`run (build again + digest_runs row + enqueue in one transaction): ${r.recipients} emails in ${ms(t0).toFixed(0)} ms`);

  t0 = performance.now();
  const d = await drainAll({ transportUrl: sink.url, limit: 500, maxRounds: 1000, concurrency: CONCURRENCY, from: "SSI Leaderboard <digest@bench.test>" });
  const sendMs = ms(t0);
  console.log(`deliver: ${d.sent} sent over SMTP (${CONCURRENCY} pooled connections) in ${(sendMs / 1000).toFixed(1)} s = ${(d.sent / (sendMs / 1000)).toFixed(0)} emails/s; sink received ${sink.count}`);
  console.log(`outbox now: ${JSON.stringify(await countOutbox())}`);
  if (sink.count !== r.recipients) process.exitCode = 1;
} finally {
  closeTransports();
  await sink.close();
  installDatabase(undefined);
  await handle.close();
}

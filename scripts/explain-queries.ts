// npm run perf:explain -- [--team bench-1000] [--weeks 12] [--digest] [--plans] [--runs 20]
// On a PostgreSQL database seeded with `npm run seed:large`: runs the app's own query functions (leaderboard
// now and a year ago, a challenge page, dashboard, digest), captures the SQL they send, and prints each statement's
// EXPLAIN (ANALYZE, BUFFERS) execution time and the server's CPU time per run (and with --plans the plan). --digest also builds every
// team's weekly digest, timed. Read-only but for two challenges created for the measurement and deleted (the digest enqueue is rolled back)
// and the dashboard rollup's kept weeks of the team (team_week_figures), which the page would keep too.
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { eq } from "drizzle-orm";
import { existsSync } from "node:fs";
import { installDatabase, PG_SESSION, type Db } from "../db/client";
import * as schema from "../db/schema";
import { getTeamLeaderboard } from "../db/queries/leaderboard";
import { getChallengeStandings } from "../db/queries/challenge-standings";
import { createChallenge, getTeamChallenge } from "../db/queries/challenges";
import { getMemberRankHistory, getTeamNow, getTeamTrend } from "../db/queries/dashboard";
import { computeTeamTrend } from "../db/queries/dashboard-trend";
import { buildTeamDigestEmails } from "../server/digest/run";
import { enqueueEmails } from "../db/queries/outbox";
import { addDays, todayInZone } from "../lib/dates";
import { lastCompletedWeek } from "../lib/digest/week";
import { grantTeamAccess } from "../lib/team-access";
import { processCpuSeconds } from "./proc-cpu";

const { values } = parseArgs({
  options: {
    team: { type: "string", default: "bench-1000" },
    weeks: { type: "string", default: "12" },
    digest: { type: "boolean", default: false },
    plans: { type: "boolean", default: false },
    runs: { type: "string", default: "20" },
  },
});
const url = process.env.DATABASE_URL;
if (!url) throw new Error("Set DATABASE_URL to a PostgreSQL database seeded with npm run seed:large.");
process.env.AUTH_SECRET ??= "explain-secret-explain-secret-explain";

const { default: postgres } = await import("postgres");
const { drizzle } = await import("drizzle-orm/postgres-js");
let capture: { text: string; params: unknown[] }[] | null = null;
const client = postgres(url, {
  max: 4,
  onnotice: () => {},
  connection: PG_SESSION,
  debug: (_conn, text, params) => capture?.push({ text, params: params as unknown[] }),
});
const db = drizzle(client, { schema, casing: "snake_case" }) as unknown as Db;
installDatabase({ db, kind: "postgres", ready: Promise.resolve(), close: () => client.end() });

class RollbackSignal extends Error {}
/**
 * CPU time the server process spends per execution (user + system, from /proc: PostgreSQL on this machine),
 * over `n` runs on one connection. Unlike EXPLAIN's wall-clock times it does not grow when other processes
 * compete for the cores. Null where /proc of the backend cannot be read.
 */
async function serverCpuMs(text: string, params: unknown[], n: number): Promise<number | null> {
  const conn = await client.reserve();
  try {
    const [{ pid }] = (await conn`select pg_backend_pid() as pid`) as unknown as [{ pid: number }];
    if (!existsSync(`/proc/${pid}/stat`)) return null;
    const ticks = () => processCpuSeconds(pid) * 100; // utime + stime, in clock ticks (1/100 s)
    await conn.unsafe(text, params as never[]);
    const t0 = ticks();
    for (let i = 0; i < n; i++) await conn.unsafe(text, params as never[]);
    return ((ticks() - t0) * 10) / n;
  } catch {
    return null;
  } finally {
    conn.release();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs fn warm a few times (median wall time), then once more capturing its SQL, and explains each statement. */
async function explain(label: string, fn: () => Promise<unknown>) {
  await fn();
  const walls: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await fn();
    walls.push(performance.now() - t0);
  }
  capture = [];
  await fn();
  const statements = capture;
  capture = null;
  console.log(`\n## ${label}: ${median(walls).toFixed(1)} ms wall (median of 5, warm), ${statements.length} statement(s)`);
  for (const [i, s] of statements.entries()) {
    const rows = await client.unsafe(`explain (analyze, buffers) ${s.text}`, s.params as never[]);
    const lines = rows.map((r) => String(r["QUERY PLAN"]));
    const exec = lines.find((l) => l.startsWith("Execution Time"));
    const plan = lines.find((l) => l.startsWith("Planning Time"));
    const cpu = await serverCpuMs(s.text, s.params, Number(values.runs));
    const cpuText = cpu === null ? "server CPU n/a" : `server CPU ${cpu.toFixed(1)} ms/run`;
    console.log(`- statement ${i + 1}: ${cpuText}; ${exec}; ${plan}; ${s.text.replace(/\s+/g, " ").trim().slice(0, 90)}…`);
    if (values.plans) console.log(lines.map((l) => `    ${l}`).join("\n"));
  }
}

const [team] = await db.select().from(schema.teams).where(eq(schema.teams.slug, values.team));
if (!team) throw new Error(`No team ${values.team}: seed with npm run seed:large first.`);
const [owner] = await db
  .select({ userId: schema.memberships.userId })
  .from(schema.memberships)
  .where(eq(schema.memberships.teamId, team.id))
  .orderBy(schema.memberships.role)
  .limit(1);
const access = grantTeamAccess(team.id, owner!.userId, "owner");
const today = todayInZone(team.timeZone);
const cal = { today, weekStart: team.weekStart, staleDays: team.staleDays };
const weeks = Number(values.weeks);
const [{ n: members } = { n: 0 }] = await client<{ n: number }[]>`select count(*)::int as n from memberships where team_id = ${team.id}`;
const [{ n: rows } = { n: 0 }] = await client<{ n: number }[]>`select reltuples::bigint::int as n from pg_class where relname = 'snapshots'`;
console.log(`# ${team.slug}: ${members} members; snapshots ≈ ${rows.toLocaleString("en")} rows; today ${today}`);

await explain("leaderboard today", () => getTeamLeaderboard(access, { asOf: today, by: "total", staleDays: team.staleDays }));
await explain("leaderboard a year ago", () => getTeamLeaderboard(access, { asOf: addDays(today, -365), by: "total", staleDays: team.staleDays }));
await explain("leaderboard by a component", () => getTeamLeaderboard(access, { asOf: today, by: "insights", staleDays: team.staleDays }));
await explain(`dashboard trend (${weeks} weeks), computed live`, () => computeTeamTrend(access, cal, weeks));
// The page's path: completed weeks from the rollup (kept by the first call), the current week computed.
await explain(`dashboard trend (${weeks} weeks), rollup warm, current week by its own statements`, () => getTeamTrend(access, cal, weeks));
const { currentWeek } = await getTeamNow(access, cal);
await explain(`dashboard trend (${weeks} weeks), rollup warm, as the page reads it (the current week is members now's)`, () =>
  getTeamTrend(access, cal, weeks, { current: Promise.resolve(currentWeek) }),
);
await explain("dashboard members now, headline and the current week", () => getTeamNow(access, cal));
await explain(`member rank history (${weeks} weeks)`, () => getMemberRankHistory(access, owner!.userId, cal, weeks));
// A challenge page against the same team: created for the measurement and deleted afterwards.
for (const kind of ["improved", "race"] as const) {
  const input = { name: `explain ${kind}`, kind, metric: "total" as const, target: kind === "race" ? 80 : null, startsOn: addDays(today, -30), endsOn: addDays(today, 10), participants: "all" as const, participantIds: [], teamIds: [] };
  const id = await createChallenge(access, input);
  try {
    const challenge = (await getTeamChallenge(access, id))!;
    // A new revision on every call: each run is a cache miss, so the query itself is measured.
    let v = 0;
    await explain(`challenge page (${kind}, 40 days)`, () =>
      getChallengeStandings(access, { ...challenge, revision: --v }, { today, staleDays: team.staleDays, timeZone: team.timeZone }),
    );
  } finally {
    await db.delete(schema.challenges).where(eq(schema.challenges.id, id));
  }
}
const week = lastCompletedWeek(team, new Date());
await explain("digest build (one team)", () => buildTeamDigestEmails(team.id, week, "https://ssi.example.test"));

if (values.digest) {
  const all = await db.select().from(schema.teams);
  const t0 = performance.now();
  let emails = 0;
  let enqueueMs = 0;
  for (const t of all) {
    const built = await buildTeamDigestEmails(t.id, lastCompletedWeek(t, new Date()), "https://ssi.example.test");
    emails += built.length;
    const e0 = performance.now();
    // The enqueue's cost, measured and rolled back so the database stays as seeded.
    await db
      .transaction(async (tx) => {
        await enqueueEmails(tx, built);
        throw new RollbackSignal();
      })
      .catch((err) => {
        if (!(err instanceof RollbackSignal)) throw err;
      });
    enqueueMs += performance.now() - e0;
  }
  const total = performance.now() - t0;
  console.log(`\n## digest for the whole organisation: ${all.length} teams, ${emails} emails built and enqueued (rolled back) in ${(total / 1000).toFixed(1)} s (enqueue ${(enqueueMs / 1000).toFixed(1)} s)`);
}
await client.end();

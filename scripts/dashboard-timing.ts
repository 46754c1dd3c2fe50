// DATABASE_URL=<postgres> npx tsx scripts/dashboard-timing.ts [--team bench-1000] [--weeks 52] [--runs 9]
// Where the uncached dashboard's time goes, part by part: every figure query the dashboard page runs, called
// directly with the figure cache out of the way (wall time, median of --runs, alone and all together as the page
// runs them), the server's CPU time of each (user + system of the backend from /proc: PostgreSQL on this machine,
// one connection), and this process's CPU for each (what the app's server spends decoding and computing in JS).
// Reads only, apart from the rollup keeping weeks it has not kept yet (as any dashboard view does), so it may run on
// the shared large data set. The render is not here: scripts/dashboard-page-timing.ts times the page.
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { readFileSync } from "node:fs";
import { installDatabase, PG_SESSION, type Db } from "../db/client";
import * as schema from "../db/schema";
import { getTeamNow, getTeamTrend } from "../db/queries/dashboard";
import { listPendingReminders } from "../db/queries/dashboard-reminders";
import { todayInZone, weekStartOf } from "../lib/dates";
import { grantTeamAccess } from "../lib/team-access";
import { processCpuSeconds } from "./proc-cpu";

const { values } = parseArgs({
  options: {
    team: { type: "string", default: "bench-1000" },
    weeks: { type: "string", default: "52" },
    runs: { type: "string", default: "9" },
  },
});
const url = process.env.DATABASE_URL;
if (!url) throw new Error("Set DATABASE_URL (PostgreSQL: the large data set).");
process.env.AUTH_SECRET ??= "dashboard-timing-secret-dashboard-timing";

const { default: postgres } = await import("postgres");
const { drizzle } = await import("drizzle-orm/postgres-js");
const connect = (max: number) => {
  const client = postgres(url, { max, onnotice: () => {}, connection: PG_SESSION });
  installDatabase({ db: drizzle(client, { schema, casing: "snake_case" }) as unknown as Db, kind: "postgres", ready: Promise.resolve(), close: () => client.end() });
  return client;
};
// As the app's pool: 10 connections, so statements the page runs together run together.
const pool = connect(10);

const [team] = await pool<{ id: string; time_zone: string; week_start: number; stale_days: number }[]>`
  select id, time_zone, week_start, stale_days from teams where slug = ${values.team}`;
if (!team) throw new Error(`No team ${values.team}: seed with npm run seed:large first.`);
const [owner] = await pool<{ user_id: string }[]>`select user_id from memberships where team_id = ${team.id} order by role = 'owner' desc, user_id limit 1`;
const today = todayInZone(team.time_zone);
const access = grantTeamAccess(team.id, owner!.user_id, "owner");
const cal = { today, weekStart: team.week_start, staleDays: team.stale_days };
const weeks = Number(values.weeks);
const runs = Number(values.runs);
const thisWeek = weekStartOf(today, team.week_start);
const { currentWeek } = await getTeamNow(access, cal);

const parts: [string, () => Promise<unknown>][] = [
  [`trend, ${weeks} weeks, rollup warm, current week computed by its own statements`, () => getTeamTrend(access, cal, weeks)],
  [`trend, ${weeks} weeks, rollup warm, as the page reads it (kept weeks only; the current week is members now's)`, () => getTeamTrend(access, cal, weeks, { current: Promise.resolve(currentWeek) })],
  ["members now, headline and the current week (1 statement, every member)", () => getTeamNow(access, cal)],
  ["pending reminders", () => listPendingReminders(access, thisWeek)],
];
/** What the page runs together: the members-now statement, the kept weeks (the current week waits for the first), the reminders. */
const asThePage = () => {
  const now = getTeamNow(access, cal);
  return Promise.all([now, getTeamTrend(access, cal, weeks, { current: now.then((n) => n.currentWeek) }), listPendingReminders(access, thisWeek)]);
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = async (fn: () => Promise<unknown>) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};
const load = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

console.log(`# ${values.team}, today ${today}, ${weeks} weeks, median of ${runs}; load ${load()}`);
for (const [, fn] of parts) await fn(); // warm: the rollup keeps any completed week not kept yet
for (const [label, fn] of parts) {
  const xs: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) xs.push(await time(fn));
  const cpu = process.cpuUsage(cpu0);
  console.log(`${label}: ${median(xs).toFixed(1)} ms wall, ${((cpu.user + cpu.system) / 1000 / runs).toFixed(1)} ms of this process's CPU (decoding, JS)`);
}
const together: number[] = [];
for (let i = 0; i < runs; i++) together.push(await time(asThePage));
console.log(`all together (as the page runs them): ${median(together).toFixed(1)} ms wall`);

// Server CPU: one connection, so each statement runs on the backend whose ticks are read.
await pool.end();
const one = connect(1);
const [{ pid }] = (await one`select pg_backend_pid() as pid`) as unknown as [{ pid: number }];
const ticks = () => processCpuSeconds(pid) * 100; // clock ticks of 10 ms
const reps = 4 * runs;
for (const [label, fn] of parts) {
  const t0 = ticks();
  for (let i = 0; i < reps; i++) await fn();
  console.log(`${label}: ${(((ticks() - t0) * 10) / reps).toFixed(1)} ms server CPU (over ${reps})`);
}
console.log(`load ${load()}`);
await one.end();

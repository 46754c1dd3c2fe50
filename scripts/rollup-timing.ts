// npm run perf:rollup -- [--team bench-1000] [--weeks 52] [--runs 5] [--writes 1000] [--writes-only] [--compare-0005]
// On a *copy* of the large data set (it writes): times the dashboard trend of one team with the figure cache out of
// the way (the query function is called directly), cold (the team's kept weeks deleted first: every week computed)
// and warm (a snapshot dated today written first, raising the data version as every write does: only the current
// week computed), each the median of --runs, and the live computation of the whole range beside them; checks that
// the kept and the live series are equal. Then the write cost: --writes single-row snapshot inserts (one commit
// each, dated 2014-01-02, deleted again afterwards), timed. --writes-only does just that.
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { isDeepStrictEqual } from "node:util";
import { readFileSync } from "node:fs";
import { installDatabase, PG_SESSION, type Db } from "../db/client";
import * as schema from "../db/schema";
import { computeTeamTrend, getTeamTrend, trendWeeksComputed } from "../db/queries/dashboard-trend";
import { todayInZone } from "../lib/dates";
import { grantTeamAccess } from "../lib/team-access";
import { processCpuSeconds } from "./proc-cpu";

const { values } = parseArgs({
  options: {
    team: { type: "string", default: "bench-1000" },
    weeks: { type: "string", default: "52" },
    runs: { type: "string", default: "5" },
    writes: { type: "string", default: "1000" },
    "writes-only": { type: "boolean", default: false },
    "compare-0005": { type: "boolean", default: false },
  },
});
const url = process.env.DATABASE_URL;
if (!url) throw new Error("Set DATABASE_URL to a copy of the large data set (this script writes).");
if (new URL(url).pathname === "/ssi_large") throw new Error("ssi_large is shared: run this on a copy (create database … template ssi_large).");
process.env.AUTH_SECRET ??= "rollup-secret-rollup-secret-rollup-secret";

const { default: postgres } = await import("postgres");
const { drizzle } = await import("drizzle-orm/postgres-js");
const client = postgres(url, { max: 4, onnotice: () => {}, connection: PG_SESSION });
const db = drizzle(client, { schema, casing: "snake_case" }) as unknown as Db;
installDatabase({ db, kind: "postgres", ready: Promise.resolve(), close: () => client.end() });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = async (fn: () => Promise<unknown>) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

const [team] = await client<{ id: string; time_zone: string; week_start: number; stale_days: number }[]>`
  select id, time_zone, week_start, stale_days from teams where slug = ${values.team}`;
if (!team) throw new Error(`No team ${values.team}: seed with npm run seed:large first.`);
const members = (await client<{ user_id: string }[]>`select user_id from memberships where team_id = ${team.id} order by user_id`).map((r) => r.user_id);
const today = todayInZone(team.time_zone);
const access = grantTeamAccess(team.id, members[0]!, "owner");
const cal = { today, weekStart: team.week_start, staleDays: team.stale_days };
const weeks = Number(values.weeks);
const runs = Number(values.runs);
console.log(`# ${values.team}: ${members.length} members, today ${today}, ${weeks} weeks, median of ${runs}`);

if (!values["writes-only"]) {
  const writeToday = () => client`
    insert into snapshots (user_id, measured_on, brand, people, insights, relationships, total, source)
    values (${members[0]!}, ${today}, 10, 10, 10, ${10 + Math.random()}, 40, 'bench')
    on conflict (user_id, measured_on) do update set relationships = excluded.relationships, total = excluded.brand + excluded.people + excluded.insights + excluded.relationships`;
  const cold: number[] = [];
  const warm: number[] = [];
  const live: number[] = [];
  let coldWeeks = 0;
  let warmWeeks = 0;
  for (let i = 0; i < runs; i++) {
    await client`delete from team_week_figures where team_id = ${team.id}`;
    let n = trendWeeksComputed.count;
    cold.push(await time(() => getTeamTrend(access, cal, weeks)));
    coldWeeks = trendWeeksComputed.count - n;
    await writeToday();
    n = trendWeeksComputed.count;
    warm.push(await time(() => getTeamTrend(access, cal, weeks)));
    warmWeeks = trendWeeksComputed.count - n;
    live.push(await time(() => computeTeamTrend(access, cal, weeks)));
  }
  await writeToday();
  const [kept, fresh] = [await getTeamTrend(access, cal, weeks), await computeTeamTrend(access, cal, weeks)];
  console.log(`trend, cold (no kept weeks): ${median(cold).toFixed(1)} ms, ${coldWeeks} weeks computed`);
  console.log(`trend, warm (after a snapshot dated today): ${median(warm).toFixed(1)} ms, ${warmWeeks} week(s) computed`);
  console.log(`trend, live over the whole range (no rollup): ${median(live).toFixed(1)} ms`);
  console.log(`kept series equals the live one: ${isDeepStrictEqual(kept, fresh) ? "yes" : "NO"}`);
  if (!isDeepStrictEqual(kept, fresh)) process.exitCode = 1;

  // The server's CPU time per read (user + system of the backend, from /proc: PostgreSQL on this machine), which
  // contention inflates far less than wall time: the reads go through a one-connection client (statements in turn).
  const one = postgres(url, { max: 1, onnotice: () => {}, connection: PG_SESSION });
  installDatabase({ db: drizzle(one, { schema, casing: "snake_case" }) as unknown as Db, kind: "postgres", ready: Promise.resolve(), close: () => one.end() });
  const [{ pid }] = (await one`select pg_backend_pid() as pid`) as unknown as [{ pid: number }];
  const ticks = () => processCpuSeconds(pid) * 100; // clock ticks of 10 ms
  const cpu = async (reps: number, before: () => Promise<unknown>, read: () => Promise<unknown>) => {
    let total = 0;
    for (let i = 0; i < reps; i++) {
      await before();
      const t0 = ticks();
      await read();
      total += ticks() - t0;
    }
    return (total * 10) / reps;
  };
  const warmCpu = await cpu(4 * runs, writeToday, () => getTeamTrend(access, cal, weeks));
  const coldCpu = await cpu(runs, () => client`delete from team_week_figures where team_id = ${team.id}`, () => getTeamTrend(access, cal, weeks));
  console.log(`server CPU per read: warm ${warmCpu.toFixed(1)} ms (over ${4 * runs} reads), cold ${coldCpu.toFixed(0)} ms (over ${runs})`);
  await one.end();
  installDatabase({ db, kind: "postgres", ready: Promise.resolve(), close: () => client.end() });
}

// The write cost: one commit per insert, as the API does, each firing the snapshot triggers. With --compare-0005
// the rounds alternate between migration 0005's trigger function (before the rollup) and 0012's, so both see the
// same machine load; the function is left as 0012 has it.
const n = Math.min(Number(values.writes), members.length);
if (n === 0) process.exit(process.exitCode ?? 0);
const fn = (file: string) => {
  const text = readFileSync(new URL(`../db/migrations/${file}`, import.meta.url), "utf8");
  const block = text.split("--> statement-breakpoint").find((b) => b.includes('FUNCTION "snapshots_bump_team_data"()'))!;
  return block.replace(/CREATE (OR REPLACE )?FUNCTION/, "CREATE OR REPLACE FUNCTION");
};
const variants = values["compare-0005"] ? [["0005", fn("0005_team_data_version.sql")], ["0012", fn("0012_dashboard_rollup.sql")]] : [["current", ""]];
const rounds = new Map<string, number[]>(variants.map(([name]) => [name!, []]));
for (let r = 0; r < 3; r++) {
  for (const [name, body] of variants) {
    if (body) await client.unsafe(body);
    const ms = await time(async () => {
      for (const userId of members.slice(0, n)) {
        await client`insert into snapshots (user_id, measured_on, brand, people, insights, relationships, total, source)
                     values (${userId}, '2014-01-02', 10, 10, 10, 10, 40, 'bench')`;
      }
    });
    rounds.get(name!)!.push(ms);
    await client`delete from snapshots where measured_on = '2014-01-02' and source = 'bench'`;
  }
}
for (const [name, ms] of rounds) {
  console.log(`${n} single-row inserts, trigger ${name}: ${median(ms).toFixed(0)} ms (median of 3 rounds: ${ms.map((x) => x.toFixed(0)).join(", ")}), ${(median(ms) / n).toFixed(2)} ms each`);
}
await client.end();

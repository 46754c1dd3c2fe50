// tsx scripts/dashboard-page-timing.ts --database-url <postgres> [--port 4221] [--runs 9] [--team bench-1000] [--weeks 52]
// The dashboard page through a production server (the build in .next) with the rendered-page cache off
// (PAGE_CACHE_MAX_MB=0), signed in as the bench's owner, split in two: the page with its figures served from the
// figure cache (what is left is the session, the membership, the pending reminders and the render) and the page
// after the team's data version is raised (everything computed, as the bench's "uncached 52-week" line). Median of
// --runs each. Writes nothing but the team's data version (as the bench does) and the rollup's kept weeks.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { nextStartArgs } from "../server/start-command.mjs";
import { signIn } from "../tests/production/server";
import { processCpuSeconds } from "./proc-cpu";

const { values } = parseArgs({
  options: {
    "database-url": { type: "string" },
    port: { type: "string", default: "4221" },
    runs: { type: "string", default: "9" },
    team: { type: "string", default: "bench-1000" },
    weeks: { type: "string", default: "52" },
    save: { type: "string" },
    "cpu-prof-dir": { type: "string" },
    // Time only one of the two (for a CPU profile of one): "cached" or "fresh".
    only: { type: "string" },
  },
});
const url = values["database-url"];
if (!url) throw new Error("--database-url is required (PostgreSQL with the large data set)");
const base = `http://127.0.0.1:${values.port}`;
const runs = Number(values.runs);
const load = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
const { DATABASE_URL: _omit, ...inherited } = process.env;
const profile = values["cpu-prof-dir"] ? ["--cpu-prof", `--cpu-prof-dir=${values["cpu-prof-dir"]}`] : [];
const env: NodeJS.ProcessEnv = {
  ...inherited,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DISABLE_SCHEDULER: "1",
  AUTH_SECRET: randomBytes(32).toString("base64"),
  AUTH_TRUST_HOST: "true",
  AUTH_URL: base,
  WEB_CONCURRENCY: "1",
  PAGE_CACHE_MAX_MB: "0",
  DATABASE_URL: url,
};
// The start's heap limit is sized from this environment's cache bounds (the page cache is off here).
const child = spawn(
  process.execPath,
  [...profile, ...nextStartArgs({ port: Number(values.port), host: "127.0.0.1", env })],
  {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  },
);
const { default: postgres } = await import("postgres");
const sql = postgres(url, { max: 1, onnotice: () => {} });
try {
  for (let i = 0; ; i++) {
    if (i > 480) throw new Error("server did not start");
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const cookie = await signIn(base, "owner@org.test", "bench-password");
  if (!cookie) throw new Error("sign-in failed");
  const page = `${base}/t/${values.team}/dashboard?weeks=${values.weeks}`;
  const get = async () => {
    const t0 = performance.now();
    const r = await fetch(page, { headers: { cookie, "accept-encoding": "gzip, deflate" } });
    const text = await r.text();
    if (r.status !== 200 || !text.includes(">Dashboard<")) throw new Error(`GET ${page}: ${r.status}`);
    if (values.save) writeFileSync(values.save, text);
    return { ms: performance.now() - t0, kib: Buffer.byteLength(text) / 1024 };
  };
  const bump = () => sql`update teams set data_version = data_version + 1 where slug = ${values.team}`;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  // CPU (user + system, clock ticks of 10 ms) of the server process and of its PostgreSQL backends (found by the
  // application_name db/client.ts gives them, which ends in the server's pid), which contention inflates far less
  // than wall time on a shared machine.
  const ticksOf = (pid: number) => processCpuSeconds(pid) * 100;
  const backends = async () =>
    (
      await sql<
        { pid: number }[]
      >`select pid from pg_stat_activity where application_name like ${`%:${child.pid}`}`
    ).map((r) => r.pid);
  const cpu = async () => {
    const pids = await backends();
    return { node: ticksOf(child.pid!), db: new Map(pids.map((p) => [p, ticksOf(p)])) };
  };
  const cpuSince = async (before: Awaited<ReturnType<typeof cpu>>, n: number) => {
    const after = await cpu();
    let db = 0;
    for (const [pid, t] of after.db) db += t - (before.db.get(pid) ?? 0);
    return `server CPU per request: node ${(((after.node - before.node) * 10) / n).toFixed(1)} ms, PostgreSQL ${((db * 10) / n).toFixed(1)} ms`;
  };
  for (let i = 0; i < 3; i++) await get(); // warm: the code paths, the rollup's kept weeks
  console.log(`# ${page}, median of ${runs}; load ${load()}`);
  const cached: number[] = [];
  let kib = 0;
  let c0 = await cpu();
  for (let i = 0; i < (values.only === "fresh" ? 1 : runs); i++) {
    const r = await get();
    cached.push(r.ms);
    kib = r.kib;
  }
  const cachedCpu = await cpuSince(c0, cached.length);
  const fresh: number[] = [];
  c0 = await cpu();
  for (let i = 0; i < (values.only === "cached" ? 1 : runs); i++) {
    await bump();
    fresh.push((await get()).ms);
  }
  const freshCpu = await cpuSince(c0, fresh.length);
  console.log(
    `page, figures from the figure cache (session, membership, reminders, render): ${median(cached).toFixed(1)} ms (${kib.toFixed(1)} KiB); ${cachedCpu}`,
  );
  console.log(
    `page, data version raised before each (every figure computed): ${median(fresh).toFixed(1)} ms; ${freshCpu}`,
  );
  console.log(`load ${load()}`);
} finally {
  await sql.end();
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
}

// npm run bench [-- --small] [--duration 10] [--warmup 2] [--connections 32] [--database-url URL] [--port 3900]
//                 [--dist-dir .next-bench] [--no-build] [--targets board-50,dynamic,...] [--writers 1000] [--soak 300]
//                 [--workers N]
//
// Builds the production app, starts `next start` (through the production start, server/cluster.mjs, with
// WEB_CONCURRENCY=1) against the large data set (the `ssi_large` database made by
// `npm run seed:large`, seeded here first when it is missing), signs in as its owner through the real Auth.js
// form post, and drives the server with autocannon from this process: the team leaderboard of a 50- and a
// 1,000-member team, the manager dashboard, the snapshot API (distinct writes), a bare dynamic page (the
// framework's floor), the smallest signed-in page (/teams: what the session and the header cost before any
// board) and a static page (the ceiling). Prints requests/s, p50, p99, errors, the ratio to the bare
// dynamic page, the machine's load beside each figure and the server's peak memory; then counts rows to prove
// that every acknowledged write is stored. A benchmark, not a test: no thresholds. It exits non-zero only when
// the server failed or a write was lost. At the end it prints issue 23's targets with PASS or FAIL beside each
// (informational: a FAIL does not change the exit code, so the small size in npm test passes on any machine).
//
// --soak <s>: after the targets, <s> seconds (≥ 300 for the target) of boards and dashboards at many dates,
// rankings and pages of every team the owner is in, each request a different URL, to show that memory stays
// bounded when the caches see many distinct keys; reports the peak during it and the memory after it.
//
// --workers N (default: the number of cores when there are several and the database is PostgreSQL; 1 with --small):
// starts the same build a second time through the same start with WEB_CONCURRENCY=N (on --port + 1) beside the
// usual one (WEB_CONCURRENCY=1), measures each page target on one and then the other, and prints both columns with
// the n/1 ratio (issue 23: throughput scales with cores). --workers 1 measures one server only.
//
// --small (CI): a throwaway database (on DATABASE_URL's server, or PGlite when DATABASE_URL is unset) seeded
// with 200 people and 30 days (bench-50 only: the dashboard target uses it and the 1,000-member board is left
// out), each target ~2 s at 8 connections; the database is dropped afterwards.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { nextStartArgs } from "../server/start-command.mjs";
import { isPostgresProcess, processCpuSeconds } from "./proc-cpu";

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const LOCAL_SERVER = "postgres://postgres@127.0.0.1:5432/postgres";
const OWNER = { email: "owner@org.test", password: "bench-password" };

const { values: opt } = parseArgs({
  options: {
    small: { type: "boolean", default: false },
    duration: { type: "string" },
    warmup: { type: "string" },
    connections: { type: "string" },
    "database-url": { type: "string" },
    port: { type: "string", default: "3900" },
    "dist-dir": { type: "string", default: ".next-bench" },
    "no-build": { type: "boolean", default: false },
    targets: { type: "string" },
    writers: { type: "string" },
    soak: { type: "string", default: "0" },
    workers: { type: "string" },
  },
});
const small = opt.small;
const duration = Number(opt.duration ?? (small ? 2 : 10));
const warmup = Number(opt.warmup ?? (small ? 1 : 2));
const connections = Number(opt.connections ?? (small ? 8 : 32));
const writerCount = Number(opt.writers ?? (small ? 200 : 1000));
const port = Number(opt.port);
const soakSeconds = Number(opt.soak);
if (!Number.isFinite(soakSeconds) || soakSeconds < 0) throw new Error("--soak takes a number of seconds");
const distDir = opt["dist-dir"];
let base = `http://127.0.0.1:${port}`; // the server being measured (the n-worker one while measureOnWorkers runs)
const runId = randomBytes(4).toString("hex");

// ---- the database ----------------------------------------------------------------------------------------------

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

type Target = { url?: string; pgliteDir?: string; label: string; drop?: () => Promise<void> };

async function adminQuery(serverUrl: string, statement: string) {
  const { default: postgres } = await import("postgres");
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    return await admin.unsafe(statement);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

async function chooseDatabase(): Promise<Target> {
  const serverUrl = process.env.DATABASE_URL;
  if (small) {
    if (!serverUrl) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ssi-bench-"));
      return { pgliteDir: path.join(dir, "pglite"), label: `PGlite (${dir})`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
    }
    const name = `ssi_bench_${process.pid}_${runId}`;
    await adminQuery(serverUrl, `create database "${name}"`);
    return { url: withDatabase(serverUrl, name), label: `PostgreSQL, throwaway database ${name}`, drop: () => adminQuery(serverUrl, `drop database if exists "${name}" with (force)`).then(() => {}) };
  }
  const url = opt["database-url"] ?? withDatabase(serverUrl ?? LOCAL_SERVER, "ssi_large");
  const name = new URL(url).pathname.slice(1);
  const exists = await adminQuery(withDatabase(url, "postgres"), `select 1 from pg_database where datname = '${name.replaceAll("'", "''")}'`);
  if (exists.length === 0) await adminQuery(withDatabase(url, "postgres"), `create database "${name.replaceAll('"', '""')}"`);
  return { url, label: `PostgreSQL database ${name}` };
}

/** Runs `fn` with this process's database handle (db/client.ts) open on the target, and closes it after. */
async function withDb<T>(target: Target, fn: (db: import("../db/client").Db) => Promise<T>): Promise<T> {
  const { installDatabase, openDatabase } = await import("../db/client");
  const handle = await openDatabase({ url: target.url, pgliteDir: target.pgliteDir });
  try {
    await handle.ready;
    installDatabase(handle);
    return await fn(handle.db);
  } finally {
    // PGlite allows one opener at a time: the server must be the only one while it runs.
    installDatabase(undefined);
    await handle.close();
  }
}

// ---- build and server ------------------------------------------------------------------------------------------

function build() {
  if (opt["no-build"] && fs.existsSync(path.join(root, distDir, "BUILD_ID"))) {
    console.log(`Using the existing build in ${distDir}/ (--no-build).`);
    return;
  }
  console.log(`Building the production app into ${distDir}/ …`);
  // With a non-default distDir, `next build` adds its type folder to tsconfig.json: put the file back as it was.
  const tsconfig = path.join(root, "tsconfig.json");
  const before = fs.readFileSync(tsconfig);
  const r = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_DIST_DIR: distDir, SKIP_BUILD_TYPECHECK: "1", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (!fs.readFileSync(tsconfig).equals(before)) fs.writeFileSync(tsconfig, before);
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status ?? r.signal})`);
}

type Server = { child: ChildProcess; log: string[]; exited: Promise<number | null> };

/** Refuses a busy port: the health check would otherwise reach whatever already listens there. */
async function assertPortFree(p: number) {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () => reject(new Error(`port ${p} is in use: pick another with --port`)));
    probe.listen(p, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

const benchMetricsToken = randomBytes(24).toString("hex");

/** What the server's memory is made of now, from its own /api/metrics (V8 heap, external buffers, the page cache). */
async function memoryMakeup(): Promise<string> {
  try {
    const res = await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${benchMetricsToken}` } });
    if (!res.ok) return `metrics answered ${res.status}`;
    const text = await res.text();
    const mib = (name: string) => {
      const values = [...text.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+]+)$`, "gm"))].map((m) => Number(m[1]));
      return values.length ? `${(values.reduce((a, b) => a + b, 0) / 2 ** 20).toFixed(0)} MiB` : "?";
    };
    return `resident ${mib("process_resident_memory_bytes")}; V8 heap ${mib("nodejs_heap_size_used_bytes")} used of ${mib("nodejs_heap_size_total_bytes")}; external (buffers) ${mib("nodejs_external_memory_bytes")}; rendered-page cache ${mib("ssi_page_cache_bytes")}`;
  } catch (err) {
    return `metrics unreadable (${err instanceof Error ? err.message : String(err)})`;
  }
}

async function startServer(target: Target, dataDir: string, at = { port, base, workers: 1 }): Promise<Server> {
  const { port, base } = at;
  await assertPortFree(port);
  const { DATABASE_URL: _omit, AUTH_URL: _url, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: distDir,
    DISABLE_SCHEDULER: "1",
    BENCH_ROUTES: "1", // app/bench/insert: the API's floor
    METRICS_TOKEN: benchMetricsToken, // /api/metrics: what the memory is made of, after the soak
    AUTH_SECRET: randomBytes(32).toString("base64"),
    AUTH_TRUST_HOST: "true",
    AUTH_URL: base, // production on PostgreSQL refuses to start without its public URL
    DATA_DIR: dataDir,
    WEB_CONCURRENCY: String(at.workers), // server/cluster.mjs: 1 is one process, as without a cluster
    ...(target.url ? { DATABASE_URL: target.url } : { PGLITE_DIR: target.pgliteDir }),
  };
  const child = spawn(process.execPath, nextStartArgs({ port, host: "127.0.0.1", env }), { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    log.push(...chunk.toString().split("\n").filter(Boolean));
    if (log.length > 200) log.splice(0, log.length - 200);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) while starting:\n${log.join("\n")}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not become healthy within 120 s:\n${log.join("\n")}`);
    await sleep(250);
  }
  return { child, log, exited };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- memory: VmRSS of the server and its children, every 250 ms --------------------------------------------------

function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    try {
      for (const task of fs.readdirSync(`/proc/${out[i]}/task`)) {
        const kids = fs.readFileSync(`/proc/${out[i]}/task/${task}/children`, "utf8").trim();
        if (kids) out.push(...kids.split(/\s+/).map(Number));
      }
    } catch {
      // gone, or no /proc (not Linux): measure what we can
    }
  }
  return out;
}

function rssKiB(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function sampleMemory(pid: number) {
  let peak = 0;
  let windowPeak = 0;
  const timer = setInterval(() => {
    const now = processTree(pid).reduce((sum, p) => sum + rssKiB(p), 0);
    peak = Math.max(peak, now);
    windowPeak = Math.max(windowPeak, now);
  }, 250);
  return {
    nowMiB: () => processTree(pid).reduce((sum, p) => sum + rssKiB(p), 0) / 1024,
    peakMiB: () => peak / 1024,
    /** The peak since the last call (per target). */
    takeWindowPeakMiB: () => {
      const p = windowPeak;
      windowPeak = 0;
      return p / 1024;
    },
    stop: () => clearInterval(timer),
  };
}

/** CPU seconds used so far by the server and its children (utime + stime in /proc/<pid>/stat, at 100 Hz). */
function cpuSeconds(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + processCpuSeconds(p), 0);
}

/** The CPU seconds of every PostgreSQL process on this machine (the backends serving the server's queries). */
function postgresCpuSeconds(): number {
  let sum = 0;
  for (const name of fs.existsSync("/proc") ? fs.readdirSync("/proc") : []) {
    if (/^\d+$/.test(name) && isPostgresProcess(Number(name))) sum += processCpuSeconds(Number(name));
  }
  return sum;
}

/** The machine's busy CPU seconds over all cores so far (/proc/stat: everything but idle and iowait). */
function machineBusySeconds(): number {
  try {
    const f = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
    return (total - f[3]! - f[4]!) / 100;
  } catch {
    return 0;
  }
}

/** Where the cores went during a measurement, in cores (CPU seconds per second of wall time). */
export type CpuSplit = { server: number; generator: number; postgres: number; other: number; idle: number };

/** Starts a CPU account of the server (its process tree), this process (the load generator), PostgreSQL and the rest. */
function cpuAccount(pid: number) {
  const t0 = performance.now();
  const server0 = cpuSeconds(pid);
  const gen0 = process.cpuUsage();
  const pg0 = postgresCpuSeconds();
  const busy0 = machineBusySeconds();
  return (): CpuSplit => {
    const wall = (performance.now() - t0) / 1000;
    const gen = process.cpuUsage(gen0);
    const split = {
      server: (cpuSeconds(pid) - server0) / wall,
      generator: (gen.user + gen.system) / 1e6 / wall,
      postgres: (postgresCpuSeconds() - pg0) / wall,
      busy: (machineBusySeconds() - busy0) / wall,
    };
    return {
      server: split.server,
      generator: split.generator,
      postgres: split.postgres,
      other: Math.max(0, split.busy - split.server - split.generator - split.postgres),
      idle: Math.max(0, cores - split.busy),
    };
  };
}

/** A table cell: server · load generator · PostgreSQL · idle, in cores. */
const coresCell = (c: CpuSplit | undefined) => (c ? [c.server, c.generator, c.postgres, c.idle].map((x) => x.toFixed(2)).join(" · ") : "–");
const CORES_HEADER = "cores: server · generator · PG · idle";
const coresOf = (c: CpuSplit | undefined) =>
  c ? `server ${c.server.toFixed(2)}, load generator ${c.generator.toFixed(2)}, PostgreSQL ${c.postgres.toFixed(2)}, other ${c.other.toFixed(2)}, idle ${c.idle.toFixed(2)}` : "not measured";

/**
 * Waits until the server is idle: when autocannon stops, the server still renders the requests left in flight,
 * and that work must not be charged to the next target. Returns the milliseconds waited.
 */
async function waitIdle(pid: number, maxMs = 180_000): Promise<number> {
  const t0 = Date.now();
  let prev = cpuSeconds(pid);
  let quiet = 0;
  while (Date.now() - t0 < maxMs && quiet < 2) {
    await sleep(250);
    const now = cpuSeconds(pid);
    quiet = now - prev < 0.025 ? quiet + 1 : 0; // under 10 % of a core for two samples in a row
    prev = now;
  }
  return Date.now() - t0;
}

// ---- sign-in through the real Auth.js credentials flow ----------------------------------------------------------

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

async function signIn(): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email: OWNER.email, password: OWNER.password, callbackUrl: `${base}/teams` }),
  });
  const session = cookiesOf(res).find((c) => /^(__Secure-)?authjs\.session-token=/.test(c));
  if (!session) throw new Error(`signing in as ${OWNER.email} failed (HTTP ${res.status}, Location ${res.headers.get("location")})`);
  return session;
}

// ---- load ------------------------------------------------------------------------------------------------------

type Result = {
  id: string;
  connections?: number;
  label: string;
  bytes: number;
  aloneMs: number;
  rssMiB: number;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  load: string;
  /** Where the cores went during the measured seconds (not the warm-up). */
  cpu?: CpuSplit;
};

const loadNow = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");

let serverPid = 0;

async function measure(
  target: { id: string; label: string; bytes: number; aloneMs: number },
  opts: Omit<autocannon.Options, "url" | "connections" | "duration">,
  urlPath: string,
  conns = connections,
  seconds = duration,
): Promise<Result> {
  // A 30 s timeout (autocannon's default is 10 s) so a slow page shows its latency rather than only errors.
  const common = { url: base + urlPath, connections: conns, timeout: 30, ...opts };
  memory?.takeWindowPeakMiB();
  if (warmup > 0) {
    await autocannon({ ...common, duration: warmup });
    await waitIdle(serverPid);
  }
  const load = loadNow();
  const account = cpuAccount(serverPid);
  const r = await autocannon({ ...common, duration: seconds });
  const cpu = account();
  const drained = await waitIdle(serverPid);
  if (drained > 2000) console.log(`  (the server was busy ${(drained / 1000).toFixed(1)} s more with requests left in flight)`);
  // autocannon's `errors` include its timeouts.
  const errors = r.non2xx + r.errors;
  const rssMiB = memory?.takeWindowPeakMiB() ?? 0;
  return { ...target, connections: conns, rssMiB, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total, errors, load, cpu };
}

/**
 * Two requests before the load: the target must answer 200 with its content (the first also loads its code);
 * the second one's time is the page's latency on an idle server.
 */
async function preflight(urlPath: string, cookie: string, expected: string): Promise<{ bytes: number; aloneMs: number }> {
  let bytes = 0;
  let aloneMs = 0;
  for (let i = 0; i < 2; i++) {
    const t0 = performance.now();
    const res = await fetch(base + urlPath, { headers: { cookie }, redirect: "manual" });
    const text = await res.text();
    aloneMs = performance.now() - t0;
    if (res.status !== 200 || !text.includes(expected)) {
      throw new Error(`GET ${urlPath} answered ${res.status} without "${expected}": the server does not serve it (${text.slice(0, 200)})`);
    }
    bytes = Buffer.byteLength(text);
  }
  return { bytes, aloneMs };
}

// ---- 1 worker and n workers (issue 23: throughput scales with cores) --------------------------------------------
// The same build started a second time, WEB_CONCURRENCY=n on the next port, through the same start
// (server/cluster.mjs); each page target is measured on the 1-worker server and then on this one, so both see the
// same machine and the same data. Memory is the whole process tree's (the primary and its workers).

const cores = os.availableParallelism();
/** Workers of the second server; 1: none is started. Only on PostgreSQL (the embedded database runs 1 worker). */
function workersWanted(target: Target): number {
  const n = opt.workers === undefined ? (small || cores < 2 ? 1 : cores) : Number(opt.workers);
  if (!Number.isInteger(n) || n < 1) throw new Error("--workers takes a whole number of worker processes (1: one server only)");
  return target.url ? n : 1;
}
/** Why the side-by-side run did not happen, when it did not. */
let workersSkipped = "";

type Side = { workers: number; base: string; server: Server; memory: ReturnType<typeof sampleMemory>; cookie: string; results: Result[] };
let side: Side | undefined;

async function startWorkersSide(target: Target, dataDir: string) {
  const workers = workersWanted(target);
  if (workers === 1) {
    workersSkipped = !target.url ? "the embedded database runs 1 worker" : small ? "--small (npm test) measures one server" : cores < 2 ? "one core" : "--workers 1";
    return;
  }
  const at = { port: port + 1, base: `http://127.0.0.1:${port + 1}`, workers };
  const server = await startServer(target, dataDir, at);
  const s: Side = { workers, base: at.base, server, memory: sampleMemory(server.child.pid!), cookie: "", results: [] };
  side = s;
  s.cookie = await onSide(s, signIn);
  console.log(`Server: the same start with WEB_CONCURRENCY=${workers} on ${at.base} (primary pid ${server.child.pid}); each target runs on 1 worker, then on ${workers}.`);
}

/** Runs `fn` with the measuring functions (measure, preflight, waitIdle, the memory sampler) aimed at `s`. */
async function onSide<T>(s: Side, fn: () => Promise<T>): Promise<T> {
  const saved = { base, serverPid, memory };
  base = s.base;
  serverPid = s.server.child.pid!;
  memory = s.memory;
  try {
    return await fn();
  } finally {
    ({ base, serverPid, memory } = saved);
  }
}

/** The page target just measured on the 1-worker server, now on the n-worker one. */
async function measureOnWorkers(t: { id: string; label: string; url: string; expected: string }, conns = connections) {
  const s = side;
  if (!s) return;
  const r = await onSide(s, async () => {
    const { bytes, aloneMs } = await preflight(t.url, s.cookie, t.expected);
    return measure({ id: t.id, label: t.label, bytes, aloneMs }, { headers: { cookie: s.cookie, "accept-encoding": "gzip, deflate" } }, t.url, conns);
  });
  s.results.push(r);
  console.log(`  … on ${s.workers} workers: ${r.rps.toFixed(0)} req/s, p99 ${r.p99} ms, ${r.errors} errors (load ${r.load})`);
}

async function stopWorkersSide() {
  if (!side || side.server.child.exitCode !== null) return;
  side.memory.stop();
  side.server.child.kill("SIGTERM");
  const code = await side.server.exited;
  if (code !== 0) {
    failed = true;
    console.error(`the ${side.workers}-worker server exited with ${code} on SIGTERM:\n${side.server.log.slice(-20).join("\n")}`);
  }
}

function printWorkersTable(results: Result[]) {
  if (!side) return;
  const n = side.workers;
  const header = ["target", "1 worker req/s", `${n} workers req/s`, `${n}/1`, "p99 ms, 1", `p99 ms, ${n}`, "errors, 1", `errors, ${n}`, "peak RSS MiB, 1", `peak RSS MiB, ${n}`, `${CORES_HEADER}, 1`, `${CORES_HEADER}, ${n}`];
  const cells = side.results.map((m) => {
    const one = results.find((r) => r.id === m.id)!;
    return [m.label, one.rps.toFixed(0), m.rps.toFixed(0), (m.rps / one.rps).toFixed(2), String(one.p99), String(m.p99), `${one.errors}/${one.requests}`, `${m.errors}/${m.requests}`, one.rssMiB.toFixed(0), m.rssMiB.toFixed(0), coresCell(one.cpu), coresCell(m.cpu)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join(" | ")} |`;
  console.log(`\n1 worker and ${n} workers (WEB_CONCURRENCY=1 and ${n}, the same start and build; each target on one, then the other; ${cores} cores, shared with the load generator):`);
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`);
  for (const c of cells) console.log(line(c));
  console.log(`Peak memory of the ${n}-worker server over the run (primary and workers): ${side.memory.peakMiB().toFixed(0)} MiB.`);
}

/** PASS when n workers serve clearly more than 1 (≥ 1.3×) on both the bare page and the 50-member board. */
const SCALE_MIN = 1.3;
function workersTarget(results: Result[]): [string, boolean | null, string] {
  const label = `throughput scales with cores: n workers ≥ ${SCALE_MIN}× 1 worker on the bare page and the 50-member board`;
  if (!side) return [label, null, `not measured (${workersSkipped || "no second server"})`];
  const ratio = (id: string) => {
    const one = results.find((r) => r.id === id);
    const many = side!.results.find((r) => r.id === id);
    return one && many && one.rps > 0 ? many.rps / one.rps : undefined;
  };
  const [d, b] = [ratio("dynamic"), ratio("board-50")];
  if (d === undefined || b === undefined) return [label, null, "needs the dynamic and board-50 targets"];
  // Where the cores went while 1 worker served: a second worker can only use what was idle (or what it takes
  // from the load generator and PostgreSQL, which share the machine).
  const split = (id: string) => coresOf(results.find((r) => r.id === id)?.cpu);
  return [
    label,
    d >= SCALE_MIN && b >= SCALE_MIN,
    `${side.workers} workers: ${d.toFixed(2)}× on the bare page, ${b.toFixed(2)}× on the 50-member board; ${cores} cores, with 1 worker on the bare page: ${split("dynamic")}; on the board: ${split("board-50")}`,
  ];
}

// ---- main ------------------------------------------------------------------------------------------------------

const TARGET_IDS = ["dynamic", "static", "shell", "board-50", "board-1000", "dashboard", "api-write", "api-floor"] as const;
const chosen = new Set(opt.targets ? opt.targets.split(",") : TARGET_IDS);
for (const t of chosen) if (!(TARGET_IDS as readonly string[]).includes(t)) throw new Error(`unknown target ${t}; use ${TARGET_IDS.join(", ")}`);

const startedAt = Date.now();
const target = await chooseDatabase();
// Scripts and db/client.ts read the environment lazily: point them at the target before anything opens it.
if (target.url) process.env.DATABASE_URL = target.url;
else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = target.pgliteDir;
}
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ssi-bench-data-"));
let server: Server | undefined;
let memory: ReturnType<typeof sampleMemory> | undefined;
let failed = false;
let writers: import("./bench-data").BenchWriter[] = [];
let uncachedDashboard: { team: string; ms: number; samples: number; fresh: boolean } | undefined;
let soak: Soak | undefined;
let apiLost: number | undefined;

try {
  console.log(`Database: ${target.label}`);
  const bench = await import("./bench-data");
  const { sizes, rows } = await withDb(target, async (db) => {
    if (small || (await bench.countTeamMembersBySlug("bench-1000")) === null) {
      // The small size has bench-50 but is too small for bench-1000 (999 people besides the owner): its dashboard
      // target then uses bench-50, and the 1,000-member board is left out.
      const size = small ? { people: 200, teams: 4, days: 30 } : { people: 10_000, teams: 40, days: 3 * 365 };
      console.log(
        small
          ? `Seeding a small data set (${size.people} people, ${size.days} days) …`
          : "The large data set is missing: seeding it first, as npm run seed:large would (10,000 people, 3 years; takes minutes) …",
      );
      const { seedLarge } = await import("../db/seed-large");
      let shown = 0;
      const onProgress = ({ rows: n, fraction }: { rows: number; fraction: number }) => {
        if (small || fraction < shown + 0.1) return;
        shown = Math.floor(fraction * 10) / 10;
        console.log(`  ${(fraction * 100).toFixed(0)} %: ${n.toLocaleString("en")} snapshots`);
      };
      const seeded = await seedLarge({ db, ...size, reset: small, onProgress });
      console.log(`Seeded ${seeded.rows.toLocaleString("en")} snapshots in ${(seeded.elapsedMs / 1000).toFixed(1)} s.`);
    }
    if (chosen.has("api-write") || chosen.has("api-floor")) writers = await bench.prepareBenchWriters(writerCount);
    return {
      sizes: { 50: await bench.countTeamMembersBySlug("bench-50"), 1000: await bench.countTeamMembersBySlug("bench-1000") },
      rows: await bench.estimateSnapshotRows(),
    };
  });
  if (!sizes[50]) throw new Error("the data set has no bench-50 team: seed it with npm run seed:large");
  console.log(`Data: bench-50 has ${sizes[50]} members, bench-1000 has ${sizes[1000] ?? "no team"}; ≈ ${rows.toLocaleString("en")} snapshots.`);

  build();
  server = await startServer(target, dataDir);
  console.log(`Server: next start on ${base} (pid ${server.child.pid}, 1 worker), DB_POOL_MAX=${process.env.DB_POOL_MAX ?? "10 (default)"}.`);
  serverPid = server.child.pid!;
  memory = sampleMemory(serverPid);
  const cookie = await signIn();
  await startWorkersSide(target, dataDir);
  console.log(`Signed in as ${OWNER.email}. ${connections} connections, ${warmup} s warm-up + ${duration} s per target. Load average (1/5/15 min) at start: ${loadNow()}.`);

  // As a browser sends them: the session cookie, and gzip accepted (next start compresses what it sends).
  const page = { headers: { cookie, "accept-encoding": "gzip, deflate" } };
  const results: Result[] = [];
  const ok = (r: Result) =>
    console.log(`  ${r.label}: ${r.rps.toFixed(0)} req/s, ${r.requests ? `p99 ${r.p99} ms` : `none answered within ${duration} s`}, ${r.errors} errors (load ${r.load})`);
  const dashboardTeam = sizes[1000] ? "bench-1000" : "bench-50";
  const pages: [string, string, string, string][] = [
    ["dynamic", "bare dynamic page (no DB, no auth)", "/bench/dynamic", "Rendered on request"],
    ["static", "static page (prerendered)", "/bench/static", "Prerendered at build time"],
    // The cheapest signed-in page: what the session check, the header and its team list cost before any board.
    ["shell", "signed-in shell: /teams (session, header, team list)", "/teams", "Welcome, "],
    ["board-50", `leaderboard, bench-50 (${sizes[50]} members)`, "/t/bench-50", 'data-testid="board-row"'],
    ...(sizes[1000]
      ? [["board-1000", `leaderboard, bench-1000 (${sizes[1000]} members)`, "/t/bench-1000", 'data-testid="board-row"'] as [string, string, string, string]]
      : []),
    ["dashboard", `manager dashboard, ${dashboardTeam}`, `/t/${dashboardTeam}/dashboard`, ">Dashboard<"],
  ];
  if (!sizes[1000] && chosen.has("board-1000")) console.log("  (no bench-1000 team in this data set: its leaderboard is left out)");
  for (const [id, label, url, expected] of pages) {
    if (!chosen.has(id)) continue;
    const { bytes, aloneMs } = await preflight(url, cookie, expected);
    results.push(await measure({ id, label, bytes, aloneMs }, page, url));
    ok(results.at(-1)!);
    await measureOnWorkers({ id, label, url, expected });
  }

  // The latency target is at 8 connections: when the run uses another number, the 50-member board once more at 8.
  if (chosen.has("board-50") && connections !== 8) {
    const { bytes, aloneMs } = await preflight("/t/bench-50", cookie, 'data-testid="board-row"');
    results.push(await measure({ id: "board-50-c8", label: "leaderboard, bench-50, at 8 connections", bytes, aloneMs }, page, "/t/bench-50", 8));
    ok(results.at(-1)!);
    await measureOnWorkers({ id: "board-50-c8", label: "leaderboard, bench-50, at 8 connections", url: "/t/bench-50", expected: 'data-testid="board-row"' }, 8);
  }

  // The 52-week dashboard uncached, with the rollup warm: one untimed request first keeps the completed weeks
  // (team_week_figures); then on PostgreSQL the team's data version is raised before each timed request (as a
  // committed write of today's score would), so no figure comes from the cache, the completed weeks come from the
  // rollup and the current week is computed; on PGlite (one opener: the server) only one request is timed, and the
  // headline and the current week are already cached from above.
  if (chosen.has("dashboard")) {
    const url = `/t/${dashboardTeam}/dashboard?weeks=52`;
    const samples: number[] = [];
    if (target.url) await fetch(base + url, { headers: page.headers }).then((r) => r.text());
    for (let i = 0; i < (target.url ? 5 : 1); i++) {
      if (target.url) await withDb(target, () => bench.bumpTeamDataVersion(dashboardTeam));
      const t0 = performance.now();
      const res = await fetch(base + url, { headers: page.headers });
      const text = await res.text();
      if (res.status !== 200 || !text.includes(">Dashboard<")) throw new Error(`GET ${url} answered ${res.status}`);
      samples.push(performance.now() - t0);
    }
    uncachedDashboard = { team: dashboardTeam, ms: samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!, samples: samples.length, fresh: !!target.url };
    console.log(`  dashboard, ${dashboardTeam}, 52 weeks, uncached: ${uncachedDashboard.ms.toFixed(0)} ms (median of ${samples.length}${target.url ? ", rollup warm, data version raised before each" : ", PGlite: first request only"})`);
  }

  type Pair = { userId: string; measuredOn: string };
  const acknowledged: Pair[] = [];
  const statuses = new Map<number, number>();
  if (chosen.has("api-write") || chosen.has("api-floor")) {
    // Each request is a new (person, date): writer k % W, and for each round through the writers one day
    // earlier. Every writer has its own token, so no token nears the rate limit of 60 a minute. autocannon keeps
    // one context per connection and sends one request at a time on it, so the answer belongs to the pair the
    // context holds: that is how each acknowledged write is known by its (person, date). The API's floor (the
    // bare insert of app/bench/insert) writes the same rows, on dates 3,000 days further back (never the API's; after 2014).
    const { addDays, todayInZone } = await import("../lib/dates");
    const yesterday = addDays(todayInZone("UTC"), -1);
    const score = () => Math.round(Math.random() * 2500) / 100;
    const writeLoad = (bare: boolean) => {
      const start = bare ? addDays(yesterday, -3000) : yesterday;
      let built = 0;
      return {
        method: "POST" as const,
        requests: [
          {
            setupRequest: (req: autocannon.Request, context: Record<string, unknown>) => {
              const k = built++;
              const w = writers[k % writers.length]!;
              const measuredOn = addDays(start, -Math.floor(k / writers.length));
              context.pair = { userId: w.userId, measuredOn } satisfies Pair;
              const fields = { measuredOn, brand: score(), people: score(), insights: score(), relationships: score() };
              return {
                ...req,
                headers: { "content-type": "application/json", ...(bare ? {} : { authorization: `Bearer ${w.token}` }) },
                body: JSON.stringify(bare ? { userId: w.userId, ...fields } : fields),
              };
            },
            onResponse: (status: number, _body: string, context: Record<string, unknown>) => {
              if (!bare) statuses.set(status, (statuses.get(status) ?? 0) + 1);
              if (status >= 200 && status < 300) acknowledged.push(context.pair as Pair);
            },
          },
        ],
      };
    };
    // One write first: it must be created, or the API does not work at all.
    const first = writers[0]!;
    const firstDate = addDays(yesterday, -400);
    if (chosen.has("api-write")) {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/v1/snapshots`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${first.token}` },
        body: JSON.stringify({ measuredOn: firstDate, brand: 10, people: 11, insights: 12, relationships: 13 }),
      });
      const answer = await res.text();
      const aloneMs = performance.now() - t0;
      if (res.status !== 201) throw new Error(`POST /api/v1/snapshots answered ${res.status}: ${answer.slice(0, 300)}`);
      acknowledged.push({ userId: first.userId, measuredOn: firstDate });
      const bytes = Buffer.byteLength(answer);
      results.push(await measure({ id: "api-write", label: "snapshot API, POST (distinct writes)", bytes, aloneMs }, writeLoad(false), "/api/v1/snapshots"));
      ok(results.at(-1)!);
    }
    if (chosen.has("api-floor")) {
      const floorDate = addDays(yesterday, -2900);
      const t0 = performance.now();
      const res = await fetch(`${base}/bench/insert`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ userId: first.userId, measuredOn: floorDate, brand: 10, people: 11, insights: 12, relationships: 13 }),
      });
      const answer = await res.text();
      const aloneMs = performance.now() - t0;
      if (res.status !== 201) throw new Error(`POST /bench/insert answered ${res.status}: ${answer.slice(0, 300)}`);
      acknowledged.push({ userId: first.userId, measuredOn: floorDate });
      results.push(await measure({ id: "api-floor", label: "bare insert route (the API's floor)", bytes: Buffer.byteLength(answer), aloneMs }, writeLoad(true), "/bench/insert"));
      ok(results.at(-1)!);
    }
  }

  const rssPeak = memory.peakMiB();
  await stopWorkersSide();
  if (soakSeconds > 0) soak = await runSoak(cookie, sizes[1000] ? ["bench-50", "bench-1000"] : ["bench-50"]);
  memory.stop();
  server.child.kill("SIGTERM");
  await server.exited;
  server = undefined;

  let writeLine = "";
  if (acknowledged.length) {
    // Counted after the server is gone (PGlite allows one opener at a time).
    const { stored, present } = await withDb(target, async () => ({
      stored: await bench.countSnapshotsOf(writers.map((w) => w.userId)),
      present: await bench.countStoredPairs(acknowledged),
    }));
    const lost = acknowledged.length - present;
    const replaced = statuses.get(200) ?? 0;
    const codes = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(", ");
    writeLine =
      `Writes: ${acknowledged.length} acknowledged with 2xx by the API and the bare insert (one single request first each, then under load incl. warm-up; the API answered ${codes || "nothing"}); ` +
      `${present} of those (person, date) pairs are stored; lost writes: ${lost}. ` +
      `Rows stored for the bench writers: ${stored} (${stored - present} more were in flight when a run stopped: stored, never acknowledged).` +
      (replaced ? ` ${replaced} answers were 200 "replaced", which distinct pairs should never give.` : "");
    apiLost = lost;
    if (lost > 0 || replaced > 0) failed = true;
  }

  printTable(results, rssPeak);
  printWorkersTable(results);
  if (writeLine) console.log(writeLine);
  printTargets(results, { rssPeak, lost: apiLost, uncachedDashboard, soak, sizes });
  console.log(`Total time ${((Date.now() - startedAt) / 1000).toFixed(0)} s. Load average now: ${loadNow()} (${os.cpus().length} CPUs).`);
} catch (err) {
  failed = true;
  console.error(`\nbench failed: ${err instanceof Error ? err.message : String(err)}`);
  if (server) console.error(`server log (last lines):\n${server.log.slice(-40).join("\n")}`);
} finally {
  memory?.stop();
  await stopWorkersSide();
  if (server) {
    server.child.kill("SIGTERM");
    await server.exited;
  }
  try {
    if (writers.length && !target.drop) {
      const { clearBenchWriters } = await import("./bench-data");
      await withDb(target, () => clearBenchWriters(writers));
    }
    await target.drop?.();
  } catch (err) {
    console.error("cleaning up failed:", err);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

function printTable(results: Result[], rssPeak: number) {
  const floor = results.find((r) => r.id === "dynamic")?.rps;
  const order = ["board-50", "board-1000", "dashboard", "api-write", "api-floor", "shell", "dynamic", "static"];
  const rows = [...results].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  const header = ["target", "req/s", "p50 ms", "p99 ms", "errors", "× dynamic", "alone ms", "KiB (unzipped)", "peak RSS MiB", "load 1/5/15 min", CORES_HEADER];
  const cells = rows.map((r) => [
    r.label,
    r.rps.toFixed(0),
    // Nothing answered within the run: every request took longer than the run itself.
    r.requests ? String(r.p50) : `> ${duration * 1000}`,
    r.requests ? String(r.p99) : `> ${duration * 1000}`,
    `${r.errors}/${r.requests}`,
    floor ? (r.rps / floor).toFixed(2) : "–",
    r.aloneMs.toFixed(0),
    (r.bytes / 1024).toFixed(1),
    r.rssMiB.toFixed(0),
    r.load,
    coresCell(r.cpu),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((v, i) => (i === 0 || i === 9 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join(" | ")} |`;
  console.log(`\n${connections} connections, ${duration} s per target after a ${warmup} s warm-up; ${os.cpus().length} CPUs.`);
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 || i === 9 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`);
  for (const c of cells) console.log(line(c));
  console.log("alone ms: one request on the idle server before the load. errors: non-2xx answers and socket errors or timeouts (30 s) / answers.");
  console.log(`\nServer peak memory (VmRSS of next-server and its children, sampled every 250 ms): ${rssPeak.toFixed(0)} MiB.`);
}

type Soak = { seconds: number; requests: number; errors: number; distinctUrls: number; peakMiB: number; afterMiB: number };

/**
 * The soak: `soakSeconds` of signed-in pages, each request a URL drawn from boards (every team given, as-of dates
 * over the data's range, the five rankings, pages 1 to 3) and dashboards (12, 26, 52 weeks), 8 connections.
 */
async function runSoak(cookie: string, slugs: string[]): Promise<Soak> {
  const { addDays, todayInZone } = await import("../lib/dates");
  const today = todayInZone("UTC");
  const days = small ? 30 : 3 * 365;
  const rankings = ["total", "brand", "people", "insights", "relationships"];
  const seen = new Set<string>();
  const pick = <T,>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
  const nextUrl = () => {
    const slug = pick(slugs);
    const url =
      Math.random() < 0.1
        ? `/t/${slug}/dashboard?weeks=${pick([12, 26, 52])}`
        : `/t/${slug}?asOf=${addDays(today, -Math.floor(Math.random() * days))}&by=${pick(rankings)}&page=${1 + Math.floor(Math.random() * 3)}`;
    seen.add(url);
    return url;
  };
  console.log(`Soak: ${soakSeconds} s of boards and dashboards of ${slugs.join(", ")} at many dates, rankings and pages (8 connections) …`);
  memory?.takeWindowPeakMiB();
  const r = await autocannon({
    url: base,
    connections: 8,
    duration: soakSeconds,
    timeout: 30,
    headers: { cookie, "accept-encoding": "gzip, deflate" },
    requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: nextUrl() }) }],
  });
  await waitIdle(serverPid);
  const peakMiB = memory?.takeWindowPeakMiB() ?? 0;
  const afterMiB = memory?.nowMiB() ?? 0;
  const out = { seconds: soakSeconds, requests: r.requests.total, errors: r.non2xx + r.errors, distinctUrls: seen.size, peakMiB, afterMiB };
  console.log(`  ${out.requests} requests over ${out.distinctUrls} distinct URLs, ${out.errors} errors; peak ${peakMiB.toFixed(0)} MiB, ${afterMiB.toFixed(0)} MiB after.`);
  console.log(`  After the soak: ${await memoryMakeup()}.`);
  return out;
}

/** Issue 23's targets, each with PASS, FAIL or n/a (not measured in this run, and why). */
function printTargets(
  results: Result[],
  run: { rssPeak: number; lost?: number; uncachedDashboard?: typeof uncachedDashboard; soak?: Soak; sizes: Record<number, number | null> },
) {
  const by = (id: string) => results.find((r) => r.id === id);
  const floor = by("dynamic")?.rps;
  const lines: [string, boolean | null, string][] = [];
  const ratio = (id: string, min: number, label: string, why?: string) => {
    const r = by(id);
    if (why) return lines.push([label, null, why]);
    if (!r || !floor) return lines.push([label, null, !r ? "not measured (--targets)" : "no bare-page figure in this run"]);
    lines.push([label, r.rps / floor >= min, `${(r.rps / floor).toFixed(2)}× (${r.rps.toFixed(0)} / ${floor.toFixed(0)} req/s)`]);
  };
  ratio("board-50", 0.8, "board, 50 members ≥ 0.8× the bare dynamic page");
  ratio("board-1000", 0.5, "board, 1,000 members ≥ 0.5×", run.sizes[1000] ? undefined : "no bench-1000 team in this data set");
  ratio("dashboard", 0.5, "dashboard, 1,000 members, 12 weeks ≥ 0.5×", run.sizes[1000] ? undefined : "no bench-1000 team (the dashboard ran on bench-50)");
  const c8 = by("board-50-c8") ?? (connections === 8 ? by("board-50") : undefined);
  lines.push(["board, 50 members, p99 at 8 connections < 100 ms", c8 ? c8.p99 < 100 : null, c8 ? `p99 ${c8.p99} ms` : "not measured"]);
  const d = run.uncachedDashboard;
  lines.push([
    "uncached dashboard, 1,000 members, 52 weeks < 100 ms",
    d && d.team === "bench-1000" && d.fresh ? d.ms < 100 : null,
    d ? `${d.ms.toFixed(0)} ms on ${d.team}${d.fresh ? " (rollup warm, data version raised)" : " (PGlite: partly cached)"}${d.team === "bench-1000" ? "" : ", not the target's team"}` : "not measured",
  ]);
  const api = by("api-write");
  const bare = by("api-floor");
  lines.push([
    "snapshot API ≥ 0.7× the bare insert route, 0 errors, 0 lost writes",
    api && bare && run.lost !== undefined ? api.rps / bare.rps >= 0.7 && api.errors === 0 && run.lost === 0 : null,
    api && bare ? `${(api.rps / bare.rps).toFixed(2)}× (${api.rps.toFixed(0)} / ${bare.rps.toFixed(0)} req/s), ${api.errors} errors, ${run.lost ?? "?"} lost` : "needs api-write and api-floor",
  ]);
  lines.push(["server memory < 500 MB during the run", run.rssPeak < 500, `peak ${run.rssPeak.toFixed(0)} MiB`]);
  const s = run.soak;
  lines.push([
    "server memory < 500 MB during and after a soak of ≥ 5 min",
    s ? s.seconds >= 300 && s.peakMiB < 500 && s.afterMiB < 500 : null,
    s ? `${s.seconds} s, ${s.distinctUrls} distinct URLs: peak ${s.peakMiB.toFixed(0)} MiB, after ${s.afterMiB.toFixed(0)} MiB${s.seconds < 300 ? " (shorter than 5 min)" : ""}` : "no soak (--soak 300)",
  ]);
  lines.push(workersTarget(results));
  console.log(`\nTargets (issue 23; ratios to the bare dynamic page of this run${small ? "; the small size judges nothing: figures only" : ""}):`);
  for (const [label, pass, detail] of lines) console.log(`  ${pass === null ? "n/a " : pass ? "PASS" : "FAIL"}  ${label}: ${detail}`);
}

// The production start: `node server/cluster.mjs <server> [args…]`, where <server> is Next's bin (with
// `start -p …`) or the standalone build's server.js. Every start runs through it (server/start-command.mjs; the
// Dockerfile's command). How many worker processes serve the port:
//   - WEB_CONCURRENCY when set (a positive whole number; anything else stops the start with a message);
//   - else one per core (os.availableParallelism()) on PostgreSQL (DATABASE_URL);
//   - always 1 on the embedded database: PGlite allows one process to open its directory.
// One worker: no primary. This process loads the preload and then the server itself, as
// `node --import ./server/preload.mjs <server>` does: one process, exactly as without a cluster.
// N workers: this process is a small primary (Node's cluster). It forks N workers, each running the preload and the
// server; they share the port (the primary hands out connections in turn). It
//   - restarts a worker that stops unexpectedly, after a pause that doubles with each exit in the last minute
//     (1 s … 30 s); gives up (stops the others, exits 1) when a worker dies before it is ready (its start-up
//     checks passed: server/server-start.ts) at the first start, or when 5 restarts in a row die before ready;
//   - forwards SIGTERM / SIGINT to the workers (each stops accepting, finishes its requests in flight and its
//     shutdown steps: server/preload.mjs) and exits 0 once all of them stopped cleanly, 1 if one did not;
//   - answers the workers' metric scrapes with every worker's figures merged (server/cluster-ipc.mjs).
// Its log lines are the app's (server/runtime.mjs); each worker's carry `worker` (1…N, kept across restarts).
import cluster from "node:cluster";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import client from "prom-client";
import { servePrimary } from "./cluster-ipc.mjs";
import { runtime } from "./runtime.mjs";
import { heapLimitMiB } from "./start-command.mjs";

export class WorkerCountError extends Error {
  name = "WorkerCountError";
}

const MAX_WORKERS = 256;

/**
 * How many workers a start runs, and why: `{ count, reason, note? }` (`note`: a WEB_CONCURRENCY that cannot be
 * honoured, said at start). Throws WorkerCountError for a WEB_CONCURRENCY that is not a positive whole number.
 * Empty variables count as unset, as in lib/env.ts.
 */
export function workerCount(env = process.env, cores = os.availableParallelism()) {
  const raw = env.WEB_CONCURRENCY?.trim();
  let asked;
  if (raw) {
    if (!/^[0-9]+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_WORKERS) {
      throw new WorkerCountError(
        `Invalid configuration:\n  WEB_CONCURRENCY: must be a whole number of worker processes from 1 to ${MAX_WORKERS} (got "${raw}"); leave it unset for one per core.`,
      );
    }
    asked = Number(raw);
  }
  if (!env.DATABASE_URL) {
    return {
      count: 1,
      reason: "the embedded database",
      ...(asked > 1 ? { note: `WEB_CONCURRENCY=${asked} asks for ${asked} workers, but the embedded database (PGlite) allows one process to open it: running 1. Set DATABASE_URL (PostgreSQL) for more.` } : {}),
    };
  }
  return asked ? { count: asked, reason: "WEB_CONCURRENCY" } : { count: Math.max(1, cores), reason: "one per core" };
}

/**
 * What to say at start about the V8 heap limit, or null when it fits: every start the app makes passes one
 * (server/start-command.mjs, heapFlags); a start typed by hand, or caches raised past it, gets a warning naming
 * the flag to use. The limit set last wins, as in Node: the command line's over NODE_OPTIONS.
 */
export function heapLimitNote(execArgv = process.execArgv, env = process.env) {
  const flags = [...(env.NODE_OPTIONS ?? "").split(/\s+/), ...execArgv];
  const given = flags.map((f) => /^--max-old-space-size=([0-9]+)$/.exec(f)?.[1]).filter(Boolean).map(Number).at(-1);
  const wanted = heapLimitMiB(env);
  if (given === undefined) {
    return `No heap limit is set: V8 lets the heap grow far past what the app keeps before it collects hard. Start with node --max-old-space-size=${wanted} (what npm start and npm run serve pass for these cache bounds).`;
  }
  if (given < wanted) {
    return `The heap limit (--max-old-space-size=${given}) is below what these cache bounds need (CACHE_MAX_MB and PAGE_CACHE_MAX_MB: ${wanted} MiB): raise it to ${wanted}, or lower the caches.`;
  }
  return null;
}

const READY_FAILURES_TO_GIVE_UP = 5;
const MAX_PAUSE_MS = 30_000;

/** The primary of N workers (see the top of this file). */
function startPrimary({ entry, args, count, reason, preload }) {
  const log = runtime().log;
  const registry = new client.Registry();
  const running = new client.Gauge({ name: "ssi_cluster_workers", help: "Worker processes serving this instance right now.", registers: [registry] });
  const restarts = new client.Counter({ name: "ssi_cluster_worker_restarts_total", help: "Workers restarted after stopping unexpectedly.", registers: [registry] });
  cluster.setupPrimary({ exec: entry, args, execArgv: [...process.execArgv, "--import", preload] });

  let stopping = false;
  let clusterReady = false; // some worker got past its start-up checks
  let failedStarts = 0; // restarted workers in a row that died before they were ready
  let failed = false;
  const recentExits = [];
  const pending = new Map(); // slot → restart timer
  const info = new Map(); // worker id → { worker, slot, ready }: the workers alive (cluster.workers may still list one that exited)
  let announced = false;

  const live = () => [...info.values()].map((w) => w.worker);
  const fork = (slot) => {
    const worker = cluster.fork({ SSI_WORKER: String(slot) });
    info.set(worker.id, { worker, slot, ready: false });
    running.set(info.size);
    worker.on("exit", (code, signal) => exited(worker, code, signal));
  };

  servePrimary({
    registry,
    log,
    ready: () => [...info.values()].filter((w) => w.ready).map((w) => w.worker),
    onReady(worker) {
      const w = info.get(worker.id);
      if (!w || w.ready) return;
      w.ready = true;
      failedStarts = 0;
      log.info({ worker: w.slot, pid: worker.process.pid }, "worker ready");
      clusterReady = true;
      if (!announced && [...info.values()].filter((x) => x.ready).length === count) {
        announced = true;
        log.info({ workers: count }, `all ${count} workers ready`);
      }
    },
  });

  function exited(worker, code, signal) {
    const w = info.get(worker.id);
    info.delete(worker.id);
    running.set(info.size);
    if (stopping) {
      // A worker still booting when the signal came (its preload not loaded yet) ends by that signal: it had
      // nothing in flight, so that is a clean stop too.
      const clean = code === 0 || (!w.ready && code === null && signal === stopSignal);
      if (!clean) failed = true;
      log[clean ? "info" : "error"]({ worker: w.slot, pid: worker.process.pid, code, signal }, clean ? "worker stopped" : "worker stopped with an error");
      if (info.size === 0) finish();
      return;
    }
    log.error({ worker: w.slot, pid: worker.process.pid, code, signal, ready: w.ready }, w.ready ? "worker stopped unexpectedly" : "worker died before it was ready");
    if (!w.ready && !clusterReady) return giveUp("a worker died at start (the lines above say why)", code || 1);
    if (!w.ready && ++failedStarts >= READY_FAILURES_TO_GIVE_UP) {
      return giveUp(`workers keep dying at start (${failedStarts} restarts in a row died before they were ready)`, code || 1);
    }
    const now = Date.now();
    recentExits.push(now);
    while (recentExits[0] < now - 60_000) recentExits.shift();
    const pauseMs = Math.min(MAX_PAUSE_MS, 1000 * 2 ** (recentExits.length - 1));
    log.warn({ worker: w.slot, pauseMs, exitsInLastMinute: recentExits.length }, "restarting the worker");
    pending.set(
      w.slot,
      setTimeout(() => {
        pending.delete(w.slot);
        if (stopping) return;
        restarts.inc();
        fork(w.slot);
      }, pauseMs),
    );
  }

  function giveUp(why, code) {
    log.error({ workers: count }, `${why}: giving up`);
    failed = true;
    process.exitCode = code;
    stop("SIGTERM");
  }

  let deadline;
  let stopSignal;
  function stop(signal) {
    if (stopping) return;
    stopping = true;
    stopSignal = signal;
    for (const t of pending.values()) clearTimeout(t);
    pending.clear();
    const workers = live();
    log.info({ signal, workers: workers.length }, "stopping the workers");
    if (workers.length === 0) return finish();
    for (const w of workers) w.process.kill(signal);
    // Each worker bounds its own shutdown (requests, then its steps: SHUTDOWN_TIMEOUT_MS each); this bounds the lot.
    const timeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS || 10_000) * 2 + 5_000;
    deadline = setTimeout(() => {
      failed = true;
      log.error({ timeoutMs, workers: live().length }, "workers still running after the time allowed: killing them");
      for (const w of live()) w.process.kill("SIGKILL");
    }, timeoutMs);
    deadline.unref();
  }

  function finish() {
    clearTimeout(deadline);
    log.info({ workers: count }, failed ? "stopped, with errors" : "stopped cleanly");
    log.flush?.();
    process.exit(failed ? process.exitCode || 1 : 0);
  }

  for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => stop(signal));
  log.info({ workers: count, reason, pid: process.pid }, `starting ${count} workers (${reason})`);
  for (let slot = 1; slot <= count; slot++) fork(slot);
}

async function main() {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry) {
    console.error("Usage: node server/cluster.mjs <server.js or Next's bin> [its arguments…]");
    process.exit(2);
  }
  let plan;
  try {
    plan = workerCount();
  } catch (err) {
    if (!(err instanceof WorkerCountError)) throw err;
    console.error(`\n${err.message}\n`);
    process.exit(1);
  }
  const heapNote = heapLimitNote();
  if (heapNote) runtime().log.warn({ workers: plan.count }, heapNote);
  const preload = new URL("./preload.mjs", import.meta.url).href;
  const server = path.resolve(entry);
  if (plan.count > 1) return startPrimary({ entry: server, args, count: plan.count, reason: plan.reason, preload });
  if (plan.note) runtime().log.warn({ workers: 1 }, plan.note);
  // One process: the preload first (it wraps http.createServer before the server makes one), then the server,
  // seeing the arguments it would see as Node's main script.
  await import(preload);
  process.argv = [process.argv[0], server, ...args];
  createRequire(import.meta.url)(server);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();

// How every production start runs the server: Node with server/cluster.mjs in front of `next start` or of the
// standalone build's server.js. With one worker (the embedded database, WEB_CONCURRENCY=1, one core) that is one
// process loading the preload (server/preload.mjs: request ids, request logs and metrics, clean shutdown) and then
// the server; with more, a small primary and one such worker per core on the same port.
// npm start, npm run serve, the end-to-end server, the benchmark, the production tests and the Dockerfile all start
// it this way, so what the tests prove is what runs.
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/** What Next and the app hold on the V8 heap with empty caches, and the headroom garbage collection needs (MiB). */
const HEAP_BASE_MIB = 192;
const mib = (raw, fallback) => (/^\s*[0-9]+\s*$/.test(raw ?? "") ? Number(raw) : fallback);

/**
 * The V8 heap limit of a server process (MiB): room for Next and the app, plus twice the bounds of the two
 * in-process caches (CACHE_MAX_MB, PAGE_CACHE_MAX_MB; a cached figure costs ≈ 1.4× its counted size on the heap,
 * and garbage collection needs room beside the live data). With the defaults (32 + 32) that is 320 MiB of old
 * space, and a worker process stays under 500 MB resident (docs/PERFORMANCE.md, "A heap limit"). Without a limit
 * V8 lets the heap grow to a quarter of the machine's memory before it collects hard, so a busy server's
 * resident memory grows with the machine, not with what it keeps. A limit set in NODE_OPTIONS wins.
 */
export function heapLimitMiB(env = process.env) {
  return HEAP_BASE_MIB + 2 * (mib(env.CACHE_MAX_MB, 32) + mib(env.PAGE_CACHE_MAX_MB, 32));
}

/** Node's flags for a server process: the heap limit, unless NODE_OPTIONS already sets one. */
export function heapFlags(env = process.env) {
  return /--max-old-space-size(=|\s|$)/.test(env.NODE_OPTIONS ?? "") ? [] : [`--max-old-space-size=${heapLimitMiB(env)}`];
}

/**
 * Node's arguments that start `server` (a script) with `args` through the cluster start in `dir`, for a process
 * whose environment is `env` (its cache bounds size the heap limit; the workers of a cluster inherit the flag).
 */
export function clusterArgs(server, args = [], dir = root, env = process.env) {
  return [...heapFlags(env), path.join(dir, "server", "cluster.mjs"), server, ...args];
}

/** `node <these>` serves the build in NEXT_DIST_DIR (default .next) with `next start`, in a process with `env`. */
export function nextStartArgs({ port, host, env } = {}) {
  return clusterArgs(
    path.join(root, "node_modules", "next", "dist", "bin", "next"),
    ["start", ...(port ? ["-p", String(port)] : []), ...(host ? ["-H", host] : [])],
    root,
    env,
  );
}

/** The standalone build's folder (every build makes it; scripts/standalone.mjs completes it). */
export const STANDALONE_DIR = path.join(root, process.env.NEXT_DIST_DIR || ".next", "standalone");

/** `node <these>` serves the standalone build in `dir`; its port and host come from PORT and HOSTNAME. */
export function standaloneArgs(dir = STANDALONE_DIR, env = process.env) {
  return clusterArgs(path.join(dir, "server.js"), [], dir, env);
}

// How every production start runs the server: Node with server/cluster.mjs in front of `next start` or of the
// standalone build's server.js. With one worker (the embedded database, WEB_CONCURRENCY=1, one core) that is one
// process loading the preload (server/preload.mjs: request ids, request logs and metrics, clean shutdown) and then
// the server; with more, a small primary and one such worker per core on the same port.
// npm start, npm run serve, the end-to-end server, the benchmark, the production tests and the Dockerfile all start
// it this way, so what the tests prove is what runs.
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/** Node's arguments that start `server` (a script) with `args` through the cluster start in `dir`. */
export function clusterArgs(server, args = [], dir = root) {
  return [path.join(dir, "server", "cluster.mjs"), server, ...args];
}

/** `node <these>` serves the build in NEXT_DIST_DIR (default .next) with `next start`. */
export function nextStartArgs({ port, host } = {}) {
  return clusterArgs(path.join(root, "node_modules", "next", "dist", "bin", "next"), [
    "start",
    ...(port ? ["-p", String(port)] : []),
    ...(host ? ["-H", host] : []),
  ]);
}

/** The standalone build's folder (every build makes it; scripts/standalone.mjs completes it). */
export const STANDALONE_DIR = path.join(root, process.env.NEXT_DIST_DIR || ".next", "standalone");

/** `node <these>` serves the standalone build in `dir`; its port and host come from PORT and HOSTNAME. */
export function standaloneArgs(dir = STANDALONE_DIR) {
  return clusterArgs(path.join(dir, "server.js"), [], dir);
}

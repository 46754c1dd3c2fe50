// How every production start runs the server: Node with the preload (server/preload.mjs: request ids, request
// logs and metrics, clean shutdown) in front of `next start` or of the standalone build's server.js.
// npm start, npm run serve, the end-to-end server, the benchmark and the production tests all start it this way,
// so what the tests prove is what runs. A cluster start (one worker per core) forks the same command.
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");

/** Node's arguments that load the preload from `dir` (the project, or the standalone build's folder). */
export function preloadArgs(dir = root) {
  return ["--import", pathToFileURL(path.join(dir, "server", "preload.mjs")).href];
}

/** `node <these> ` serves the build in NEXT_DIST_DIR (default .next) with `next start`. */
export function nextStartArgs({ port, host } = {}) {
  return [
    ...preloadArgs(root),
    path.join(root, "node_modules", "next", "dist", "bin", "next"),
    "start",
    ...(port ? ["-p", String(port)] : []),
    ...(host ? ["-H", host] : []),
  ];
}

/** The standalone build's folder (every build makes it; scripts/standalone.mjs completes it). */
export const STANDALONE_DIR = path.join(root, process.env.NEXT_DIST_DIR || ".next", "standalone");

/** `node <these>` serves the standalone build in `dir`; its port and host come from PORT and HOSTNAME. */
export function standaloneArgs(dir = STANDALONE_DIR) {
  return [...preloadArgs(dir), path.join(dir, "server.js")];
}

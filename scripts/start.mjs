// npm start: install if needed, build if the sources changed, then serve on the embedded database (or DATABASE_URL).
// The server migrates the database itself as it starts.
// prepare.mjs is imported first and checks the Node.js version before anything newer can fail.
import { checkNode, ensureInstalled, build, fail, root, step } from "./prepare.mjs";
import { nextStartArgs } from "../server/start-command.mjs";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

checkNode();
const port = process.env.PORT ?? "3000";
const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };

ensureInstalled();

const SOURCES = ["app", "components", "db", "lib", "server", "public", "proxy.ts", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package.json", "package-lock.json"];
function newestMtime(p) {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const st = fs.statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(full).reduce((m, name) => Math.max(m, newestMtime(path.join(p, name))), st.mtimeMs);
}
const buildId = path.join(root, ".next", "BUILD_ID");
const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
if (builtAt < Math.max(...SOURCES.map(newestMtime))) {
  step("Building the app (about a minute the first time)…");
  if (!build(env)) process.exit(1);
}

const dbLabel = process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `embedded PostgreSQL in ${process.env.PGLITE_DIR ?? ".data/pglite"}`;
step(`Starting on http://localhost:${port} with ${dbLabel}…`);
// Every link in every email is built from this one origin (lib/mail/origin.ts), never from the request.
const publicUrl = process.env.AUTH_URL?.replace(/\/+$/, "");
step(publicUrl ? `Links in emails point to ${publicUrl} (AUTH_URL).` : `Links in emails point to http://localhost:${port}: set AUTH_URL to the address colleagues reach the app at.`);

// A brand-new embedded database: offer demo data (seeded before the server opens the directory: one opener at a time).
const pgliteDir = path.resolve(root, process.env.PGLITE_DIR ?? ".data/pglite");
if (!process.env.DATABASE_URL && !fs.existsSync(pgliteDir)) {
  let answer = process.env.DEMO_DATA ?? "";
  if (!answer && process.stdin.isTTY) {
    const { createInterface } = await import("node:readline/promises");
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    answer = await rl.question("Load demo data (two teams, 25 people, six months of scores)? [Y/n] ");
    rl.close();
  }
  if (/^(y|yes|1|true)?$/i.test(answer.trim()) && (answer || process.stdin.isTTY)) {
    step("Creating the database with demo data…");
    const r = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "db", "seed.ts")], { cwd: root, env, stdio: "inherit" });
    if (r.status !== 0) {
      fs.rmSync(pgliteDir, { recursive: true, force: true }); // half-seeded: the next start offers demo data again
      fail("Loading the demo data failed (the lines above say why). The half-made database was removed; run npm start again.");
    }
  } else {
    step("Starting with an empty database. Demo data later: stop the app and run npm run db:seed");
  }
}

// The start (server/cluster.mjs): one process on the embedded database, one worker per core on PostgreSQL; the
// preload (server/preload.mjs) adds request ids, request logs, metrics and the clean shutdown.
const server = spawn(process.execPath, nextStartArgs({ port, env }), {
  cwd: root,
  env,
  stdio: "inherit",
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));

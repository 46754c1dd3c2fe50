// Starts the production build for Playwright on a fresh, throwaway embedded database (or the given DATABASE_URL).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { nextStartArgs } from "../server/start-command.mjs";

const port = process.argv[2] ?? "3100";
const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

if (!fs.existsSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
  console.log("[e2e] no production build found: running next build");
  const r = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ssi-e2e-"));
// The leases of the seeded people that e2e/fixtures.ts hands out (poolDir in e2e/fixtures-data.ts): empty for
// each run of this server, since each run seeds its people afresh.
const poolDir = path.join(os.tmpdir(), `ssi-e2e-pool-${port}`);
fs.rmSync(poolDir, { recursive: true, force: true });
fs.mkdirSync(poolDir);
// The end-to-end suite runs on the embedded database, the mode a newcomer gets; E2E_DATABASE_URL opts into PostgreSQL.
const { DATABASE_URL: _ignored, ...inherited } = process.env;
const env = {
  ...inherited,
  ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATA_DIR: dataDir,
  PGLITE_DIR: path.join(dataDir, "pglite"),
  E2E: "1",
  // One log line per request would bury Playwright's output: the specs' server logs warnings and errors only.
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  // The public origin every emailed link is built from: the address the specs browse, so links in /mail work.
  AUTH_URL: `http://127.0.0.1:${port}`,
};
const seeded = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "e2e", "fixtures-seed.ts")], { cwd: root, env, stdio: "inherit" });
if (seeded.status !== 0) process.exit(seeded.status ?? 1);
const child = spawn(process.execPath, nextStartArgs({ port, host: "127.0.0.1", env }), { cwd: root, env, stdio: "inherit" });
const stop = () => child.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(poolDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});

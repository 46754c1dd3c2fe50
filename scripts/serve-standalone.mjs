// npm run serve:standalone: serves the self-contained build (.next/standalone, made by npm run build:standalone)
// the way a container does, through the preload. The embedded database and the kept secret stay in this
// project's .data/ (not inside the build folder, which the next build replaces) unless DATA_DIR / PGLITE_DIR
// or DATABASE_URL say otherwise. PORT (default 3000) and HOSTNAME choose where it listens.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { STANDALONE_DIR, standaloneArgs } from "../server/start-command.mjs";

const root = path.resolve(import.meta.dirname, "..");
if (!fs.existsSync(path.join(STANDALONE_DIR, "server", "preload.mjs"))) {
  console.error("✗ No complete standalone build: run npm run build:standalone first.");
  process.exit(1);
}
const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: process.env.PORT ?? "3000",
  DATA_DIR: path.resolve(root, process.env.DATA_DIR ?? ".data"),
  PGLITE_DIR: path.resolve(root, process.env.PGLITE_DIR ?? ".data/pglite"),
};
const child = spawn(process.execPath, standaloneArgs(STANDALONE_DIR, env), { cwd: STANDALONE_DIR, env, stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));

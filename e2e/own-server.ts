// A production server of the spec's own (the build in NEXT_DIST_DIR), for behaviour that depends on how the
// server was configured when it started: a fresh embedded database in a temporary directory, the given
// variables on top, and nothing inherited that chooses a database or a public URL.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { nextStartArgs } from "../server/start-command.mjs";

const root = path.resolve(import.meta.dirname, "..");

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

export type OwnServer = {
  base: string;
  port: number;
  log: () => string;
  /** null while it runs; -1 once ended by a signal. */
  exitCode: () => number | null;
  exited: Promise<number | null>;
  stop: () => Promise<void>;
};

/**
 * Spawns `next start` on a free port (or the given one, for a server that others must know in advance, such as an
 * identity provider's redirect URIs); `vars` receives the port (for AUTH_URL and the like). Does not wait.
 */
export async function spawnServer(vars: (port: number) => Record<string, string>, opts: { port?: number } = {}): Promise<OwnServer> {
  const port = opts.port ?? (await freePort());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ssi-own-"));
  const { DATABASE_URL: _a, E2E_DATABASE_URL: _b, AUTH_URL: _c, SMTP_URL: _d, ...inherited } = process.env;
  let log = "";
  const child: ChildProcess = spawn(process.execPath, nextStartArgs({ port, host: "127.0.0.1" }), {
    cwd: root,
    env: { ...inherited, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", E2E: "1", DATA_DIR: dataDir, PGLITE_DIR: path.join(dataDir, "pglite"), ...vars(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { base: `http://127.0.0.1:${port}`, port, log: () => log, exitCode: () => child.exitCode ?? (child.signalCode ? -1 : null), exited, stop };
}

/** Spawns the server and waits until /api/health answers 200; throws with the server's log if it exits first. */
export async function startServer(vars: (port: number) => Record<string, string>, opts: { port?: number } = {}): Promise<OwnServer> {
  const server = await spawnServer(vars, opts);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode() !== null) throw new Error(`the server exited (${server.exitCode()}) while starting:\n${server.log()}`);
    const ok = await fetch(`${server.base}/api/health`).then((r) => r.ok, () => false);
    if (ok) return server;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`the server did not become healthy within 120 s:\n${server.log()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

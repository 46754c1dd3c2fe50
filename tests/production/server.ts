// Production servers for the tests in this folder: the build in NEXT_DIST_DIR (default .next) served the way every
// start serves it (server/start-command.mjs: server/cluster.mjs and the preload in front of `next start`, or of the
// standalone build's server.js), on a database the test prepared, with JSON logs captured line by line.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { nextStartArgs, standaloneArgs, STANDALONE_DIR } from "@/server/start-command.mjs";

export const root = path.resolve(import.meta.dirname, "..", "..");
/** The first of this suite's ports (each file uses a few above it). */
export const PORT_BASE = Number(process.env.PROD_TEST_PORT ?? 3400);

export type ProdServer = {
  base: string;
  port: number;
  child: ChildProcess;
  /** Every line the server printed so far (stdout and stderr). */
  lines: string[];
  /** The lines that are JSON log records. */
  records: () => Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop: () => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The build these tests need; they are skipped with this reason when it is missing. */
export function missingBuild(standalone = false): string | null {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (standalone) return fs.existsSync(path.join(STANDALONE_DIR, "server.js")) ? null : "no standalone build: run npm run build:standalone";
  return fs.existsSync(path.join(root, distDir, "BUILD_ID")) ? null : `no production build in ${distDir}: run npx next build`;
}

/** Starts a production server and (unless told not to) waits until /api/health answers 200. */
export async function startProd(opts: { port: number; env?: Record<string, string>; standalone?: boolean; dataDir: string; wait?: boolean }): Promise<ProdServer> {
  const base = `http://127.0.0.1:${opts.port}`;
  const { DATABASE_URL: _a, E2E_DATABASE_URL: _b, AUTH_URL: _c, SMTP_URL: _d, E2E: _e, PGLITE_DIR: _f, METRICS_TOKEN: _g, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: randomBytes(32).toString("base64"),
    AUTH_URL: base,
    AUTH_TRUST_HOST: "true",
    DATA_DIR: opts.dataDir,
    PGLITE_DIR: path.join(opts.dataDir, "pglite"),
    LOG_FORMAT: "json",
    LOG_LEVEL: "info",
    // One process unless a test asks for more (tests/production/cluster.test.ts, instances.test.ts): on PostgreSQL
    // the start would otherwise run one worker per core, and a test reading one process's cache or logs would
    // depend on which worker the kernel handed each connection to.
    WEB_CONCURRENCY: "1",
    ...(opts.standalone ? { PORT: String(opts.port), HOSTNAME: "127.0.0.1" } : {}),
    ...opts.env,
  };
  const args = opts.standalone ? standaloneArgs(STANDALONE_DIR, env) : nextStartArgs({ port: opts.port, host: "127.0.0.1", env });
  const child = spawn(process.execPath, args, { cwd: opts.standalone ? STANDALONE_DIR : root, env, stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  let partial = "";
  const keep = (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const parts = text.split("\n");
    partial = parts.pop() ?? "";
    lines.push(...parts.filter(Boolean));
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      if (partial) lines.push(partial);
      resolve({ code, signal });
    }),
  );
  const records = () =>
    lines.flatMap((l) => {
      if (!l.startsWith("{")) return [];
      try {
        return [JSON.parse(l) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  const server: ProdServer = {
    base,
    port: opts.port,
    child,
    lines,
    records,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
  if (opts.wait === false) return server;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) while starting:\n${lines.join("\n")}`);
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) return server;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`the server did not become healthy within 90 s:\n${lines.join("\n")}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Opens the database (PGlite directory or PostgreSQL URL) as this process's app database, runs `fn`, closes it. */
export async function withDb<T>(target: { pgliteDir?: string; url?: string }, fn: () => Promise<T>): Promise<T> {
  const { installDatabase, openDatabase } = await import("@/db/client");
  const handle = await openDatabase(target);
  try {
    await handle.ready;
    installDatabase(handle);
    return await fn();
  } finally {
    installDatabase(undefined);
    await handle.close();
  }
}

/** Signs in through the real Auth.js credentials form post; returns the session cookie, or null when refused. */
export async function signIn(base: string, email: string, password: string): Promise<string | null> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]!);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/teams` }),
  });
  await res.text();
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => /^(__Secure-)?authjs\.session-token=/.test(c)) ?? null;
}

/** One statement on a PostgreSQL database (the server's maintenance database, or a test's own), on a connection of its own. */
export async function pgStatement(target: string, statement: string) {
  const { default: postgres } = await import("postgres");
  const sql = postgres(target, { max: 1, onnotice: () => {} });
  try {
    return await sql.unsafe(statement);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

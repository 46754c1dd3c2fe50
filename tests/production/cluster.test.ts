// The cluster start (server/cluster.mjs) through the command every start uses: on PostgreSQL with
// WEB_CONCURRENCY=2 one port is served by two worker processes under a primary, requests keep being answered while
// a worker is killed and the primary restarts it, /api/metrics counts every worker's requests, and SIGTERM lets
// the requests in flight finish and stops everything with exit 0. A WEB_CONCURRENCY that is not a number stops the
// start with a message; on the embedded database one process serves, whatever WEB_CONCURRENCY says.
// The PostgreSQL part needs DATABASE_URL (the test makes and drops its own database).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { databaseUrlFor } from "@/db/testing/pg-urls";
import { missingBuild, PORT_BASE, startProd, tempDir, type ProdServer } from "./server";

const PORT = PORT_BASE + 5;
const METRICS_TOKEN = "cluster-metrics-token-0000";
const serverUrl = process.env.DATABASE_URL;
const name = `${process.env.PROD_TEST_DB_PREFIX ?? "ssi_prod"}_cluster_${process.pid}_${randomBytes(3).toString("hex")}`;
const url = serverUrl ? databaseUrlFor(serverUrl, name) : "";
const tmp = tempDir("ssi-cluster-");
let server: ProdServer | undefined;

async function admin(statement: string) {
  const { default: postgres } = await import("postgres");
  const sql = postgres(serverUrl!, { max: 1, onnotice: () => {} });
  try {
    return await sql.unsafe(statement);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

afterAll(async () => {
  await server?.stop();
  tmp.remove();
  if (serverUrl) await admin(`drop database if exists "${name}" with (force)`);
});

/** The process ids of `pid`'s children (Linux's /proc). */
function children(pid: number): number[] {
  return fs
    .readdirSync(`/proc/${pid}/task`)
    .flatMap((t) => fs.readFileSync(`/proc/${pid}/task/${t}/children`, "utf8").trim().split(/\s+/).filter(Boolean))
    .map(Number);
}

type Answer = { status: number; body: string; cookies: string[] };

/** One request; on a connection of its own unless `agent` keeps one open. */
function request(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string; agent?: http.Agent } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${server!.base}${path}`, { method: opts.method ?? "GET", headers: opts.headers, agent: opts.agent ?? false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, cookies: (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]!) }));
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

async function waitFor<T>(what: string, fn: () => T | undefined | false, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${server?.lines.slice(-40).join("\n")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function metric(series: string): Promise<number> {
  const res = await request("/api/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(res.status, res.body).toBe(200);
  const line = res.body.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

const HEALTH = 'ssi_http_requests_total{method="GET",route="/api/health",status="200"}';

describe("the cluster start", () => {
  it("refuses a WEB_CONCURRENCY that is not a positive whole number, saying so", async () => {
    for (const value of ["abc", "0", "2.5"]) {
      const s = await startProd({ port: PORT, dataDir: tmp.dir, env: { WEB_CONCURRENCY: value }, wait: false });
      expect(await s.exited).toEqual({ code: 1, signal: null });
      expect(s.lines.join("\n")).toContain(`WEB_CONCURRENCY: must be a whole number of worker processes from 1 to 256 (got "${value}")`);
    }
  });

  it.skipIf(!!missingBuild())("runs one process on the embedded database, and says why when WEB_CONCURRENCY asks for more", async () => {
    server = await startProd({ port: PORT, dataDir: tmp.dir, env: { WEB_CONCURRENCY: "2" } });
    const note = server.records().find((r) => String(r.msg).includes("WEB_CONCURRENCY=2 asks for 2 workers"));
    expect(note?.msg).toContain("the embedded database (PGlite) allows one process to open it: running 1");
    expect(children(server.child.pid!)).toEqual([]);
    expect((await request("/api/health")).status).toBe(200);
    expect(await server.stop()).toEqual({ code: 0, signal: null });
    server = undefined;
  });

  it.skipIf(!serverUrl || !!missingBuild())("gives up, exiting 1, when the workers die at start (no restart loop)", async () => {
    // Production on PostgreSQL without AUTH_URL: every worker stops at its start-up checks.
    const s = await startProd({ port: PORT, dataDir: tmp.dir, env: { DATABASE_URL: url, WEB_CONCURRENCY: "2", AUTH_URL: "" }, wait: false });
    expect(await s.exited).toEqual({ code: 1, signal: null });
    const log = s.lines.join("\n");
    expect(log).toContain("AUTH_URL");
    expect(log).toContain("a worker died at start (the lines above say why): giving up");
    expect(s.records().filter((r) => r.msg === "restarting the worker")).toEqual([]);
  });

  it.skipIf(!serverUrl || !!missingBuild())(
    "serves one port from two workers, restarts a killed one, merges their metrics and stops them all cleanly",
    async () => {
      await admin(`create database "${name}"`);
      server = await startProd({
        port: PORT,
        dataDir: tmp.dir,
        env: { DATABASE_URL: url, WEB_CONCURRENCY: "2", DISABLE_SCHEDULER: "1", METRICS_TOKEN, SHUTDOWN_TIMEOUT_MS: "10000" },
      });
      const s = server;
      const primary = s.child.pid!;
      await waitFor("both workers", () => s.records().some((r) => r.msg === "all 2 workers ready"));
      const ready = () => s.records().filter((r) => r.msg === "worker ready");
      const workers = children(primary);
      expect(workers.sort()).toEqual(ready().map((r) => r.pid as number).sort());
      expect(workers).toHaveLength(2);

      // Requests on connections of their own are shared out; the merged metrics count every one of them.
      const before = await metric(HEALTH);
      const answers = await Promise.all(Array.from({ length: 20 }, () => request("/api/health")));
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
      const servedBy = new Set(s.records().filter((r) => r.msg === "request" && r.route === "/api/health").map((r) => r.worker));
      expect(servedBy).toEqual(new Set([1, 2]));
      expect((await metric(HEALTH)) - before).toBe(20);
      expect(await metric("ssi_cluster_workers")).toBe(2);
      expect(await metric("ssi_db_pool_max")).toBe(20); // each worker's pool of DB_POOL_MAX (10), summed

      // Worker 1 is killed: the other one answers meanwhile, and the primary starts a new worker 1.
      const first = ready().find((r) => r.worker === 1)!;
      process.kill(first.pid as number, "SIGKILL");
      await waitFor("the primary noticing", () => s.records().some((r) => r.msg === "worker stopped unexpectedly" && r.worker === 1));
      const meanwhile = await Promise.all(Array.from({ length: 10 }, () => request("/api/health")));
      expect(meanwhile.map((a) => a.status)).toEqual(Array(10).fill(200));
      const again = await waitFor("worker 1 restarted", () => ready().find((r) => r.worker === 1 && r.pid !== first.pid));
      expect(children(primary).sort()).toEqual([again.pid, ready().find((r) => r.worker === 2)!.pid].sort());
      expect(await metric("ssi_cluster_worker_restarts_total")).toBe(1);

      // SIGTERM while sign-ins (a password hash each: slow) are in flight on open connections: all are answered.
      const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
      const csrf = await request("/api/auth/csrf", { agent });
      const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
      const cookie = csrf.cookies.join("; ");
      await Promise.all(Array.from({ length: 8 }, () => request("/api/health", { agent }))); // 8 connections open
      const signIns = Array.from({ length: 8 }, (_, i) =>
        request("/api/auth/callback/credentials", {
          agent,
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", cookie },
          body: new URLSearchParams({ csrfToken, email: `nobody-${i}@cluster.test`, password: "not the password" }).toString(),
        }).then(
          (a) => a.status,
          (err: Error) => err.message,
        ),
      );
      await new Promise((r) => setTimeout(r, 50));
      s.child.kill("SIGTERM");
      const statuses = await Promise.all(signIns);
      const exit = await s.exited;
      agent.destroy();
      server = undefined;
      const log = s.lines.join("\n");
      expect(exit, log).toEqual({ code: 0, signal: null });
      expect(statuses.every((x) => typeof x === "number" && x < 500), JSON.stringify(statuses)).toBe(true);
      const stopping = s.records().filter((r) => String(r.msg).startsWith("shutting down: no new connections"));
      expect(stopping.map((r) => r.worker).sort()).toEqual([1, 2]);
      expect(stopping.reduce((n, r) => n + Number(r.inFlight), 0), "requests were in flight at the signal").toBeGreaterThan(0);
      expect(s.records().filter((r) => r.msg === "stopped cleanly").map((r) => r.worker ?? "primary")).toEqual(expect.arrayContaining([1, 2, "primary"]));
    },
  );
});

// Request logs and metrics of a production server, through HTTP only: the request id header, one JSON log line
// per request with its route, status, duration and user, nothing secret in any line, and /api/metrics whose
// series move with what the server did (a refused sign-in, a write, a rate-limit refusal, the outbox).
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { missingBuild, PORT_BASE, signIn, startProd, tempDir, withDb, type ProdServer } from "./server";

const PORT = PORT_BASE + 10;
const METRICS_TOKEN = "metrics-token-for-the-test-0123456789";
const PASSWORD = "correct horse battery staple";
const WRONG_PASSWORD = "wrong-password-never-logged";

const tmp = tempDir("ssi-observability-");
let server: ProdServer;
let owner: { id: string; email: string };
let slug: string;
let apiToken: string;

async function scrape(): Promise<string> {
  const res = await fetch(`${server.base}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  return res.text();
}

/** The value of one series (0 when absent), e.g. value(text, 'ssi_sign_in_failures_total{reason="invalid_credentials"}'). */
function value(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe.skipIf(missingBuild())("request logs and metrics", () => {
  beforeAll(async () => {
    const { hashPassword } = await import("@/lib/password");
    const { makeTeam, makeUser } = await import("@/db/testing/factories");
    const bench = await import("../../scripts/bench-data");
    const { enqueueEmails } = await import("@/db/queries/outbox");
    const { database } = await import("@/db/client");
    await withDb({ pgliteDir: path.join(tmp.dir, "pglite") }, async () => {
      const user = await makeUser({ email: "owner@observability.test", passwordHash: await hashPassword(PASSWORD) });
      owner = { id: user.id, email: user.email };
      slug = (await makeTeam(user.id, { name: "Observability team" })).slug;
      apiToken = (await bench.prepareBenchWriters(1))[0]!.token;
      // Three messages waiting (no scheduler in this server): the outbox gauges must show them.
      await enqueueEmails(await database(), [1, 2, 3].map((i) => ({ dedupeKey: `obs:${i}`, kind: "invitation", to: `p${i}@observability.test`, subject: `s${i}`, html: "secret body html", text: "secret body text" })));
    });
    server = await startProd({ port: PORT, dataDir: tmp.dir, env: { METRICS_TOKEN, DISABLE_SCHEDULER: "1" } });
  });
  afterAll(async () => {
    await server?.stop();
    tmp.remove();
  });

  it("refuses /api/metrics without the right bearer token", async () => {
    expect((await fetch(`${server.base}/api/metrics`)).status).toBe(401);
    expect((await fetch(`${server.base}/api/metrics`, { headers: { authorization: "Bearer not-the-token-at-all" } })).status).toBe(401);
    expect((await fetch(`${server.base}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(200);
  });

  it("runs with the heap limit its start passes, and says nothing about it at start", async () => {
    // 320 MiB of old space for the default cache bounds (server/start-command.mjs) plus V8's young generation;
    // without the flag V8's own limit on this machine is several GiB.
    const limitMiB = value(await scrape(), "ssi_heap_limit_bytes") / 2 ** 20;
    expect(limitMiB).toBeGreaterThanOrEqual(320);
    expect(limitMiB).toBeLessThan(420);
    expect(server.lines.some((l) => /heap limit/i.test(l))).toBe(false);
  });

  it("logs one line per request with its id, route, status, duration and user, and sends the id back", async () => {
    const cookie = await signIn(server.base, owner.email, PASSWORD);
    expect(cookie).toBeTruthy();
    const res = await fetch(`${server.base}/t/${slug}`, { headers: { cookie: cookie!, "x-request-id": "board-request-0001" } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Observability team");
    expect(res.headers.get("x-request-id")).toBe("board-request-0001");

    // An id that is not sane (too short, or odd characters) is replaced by a fresh one.
    const odd = await fetch(`${server.base}/api/health`, { headers: { "x-request-id": "<x>" } });
    expect(odd.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    const write = await fetch(`${server.base}/api/v1/snapshots`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${apiToken}`, "x-request-id": "api-write-0001" },
      body: JSON.stringify({ measuredOn: "2025-06-02", brand: 10, people: 11, insights: 12, relationships: 13 }),
    });
    expect(write.status).toBe(201);

    await new Promise((r) => setTimeout(r, 100)); // the line is written as the answer ends
    const lines = server.records();
    const board = lines.find((l) => l.requestId === "board-request-0001");
    expect(board).toMatchObject({ level: 30, msg: "request", method: "GET", route: "/t/[slug]", status: 200, userId: owner.id });
    expect(typeof board!.durationMs).toBe("number");
    expect(new Date(board!.time as string).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const api = lines.find((l) => l.requestId === "api-write-0001");
    expect(api).toMatchObject({ method: "POST", route: "/api/v1/snapshots", status: 201 });
    expect(typeof api!.userId).toBe("string");
    expect(lines.find((l) => l.requestId === odd.headers.get("x-request-id"))).toMatchObject({ route: "/api/health", status: 200 });
    // Every line of stdout is JSON when it is not a terminal (Next's own start-up lines aside).
    expect(lines.filter((l) => l.msg === "request").length).toBeGreaterThanOrEqual(5);
  });

  it("counts a refused sign-in, requests by route and status, rate-limit refusals and the outbox", async () => {
    const before = await scrape();
    expect(await signIn(server.base, owner.email, WRONG_PASSWORD)).toBeNull();
    // Past the token's limit of 60 a minute: refused with 429.
    let refused = 0;
    for (let i = 0; i < 62; i++) {
      const res = await fetch(`${server.base}/api/v1/snapshots`, { headers: { authorization: `Bearer ${apiToken}` } });
      await res.text();
      if (res.status === 429) refused++;
    }
    expect(refused).toBeGreaterThan(0);
    const after = await scrape();

    const failures = 'ssi_sign_in_failures_total{reason="invalid_credentials"}';
    expect(value(after, failures) - value(before, failures)).toBe(1);
    const refusals = 'ssi_rate_limit_refusals_total{policy="apiPerToken"}';
    expect(value(after, refusals) - value(before, refusals)).toBe(refused);
    expect(value(after, 'ssi_http_requests_total{method="GET",route="/api/v1/snapshots",status="429"}')).toBe(refused);
    expect(value(after, 'ssi_http_requests_total{method="POST",route="/api/v1/snapshots",status="201"}')).toBe(1);
    expect(value(after, 'ssi_http_request_duration_seconds_count{method="GET",route="/t/[slug]",status="200"}')).toBe(1);
    expect(after).toContain('ssi_http_request_duration_seconds_bucket{le="0.1",method="GET",route="/t/[slug]",status="200"}');

    expect(value(after, 'ssi_outbox_messages{status="pending"}')).toBe(3);
    expect(value(after, "ssi_outbox_oldest_pending_age_seconds")).toBeGreaterThan(0);
    expect(value(after, "ssi_db_pool_max")).toBe(1);
    expect(value(after, "process_resident_memory_bytes")).toBeGreaterThan(10_000_000);
    expect(after).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(after).toContain("ssi_digests_sent_total 0");
    expect(after).toContain("# TYPE ssi_db_errors_total counter");
  });

  it("never writes passwords, tokens, cookies, addresses or email bodies to the log", async () => {
    const cookie = (await signIn(server.base, owner.email, PASSWORD))!;
    await fetch(`${server.base}/teams`, { headers: { cookie } }).then((r) => r.text());
    const all = server.lines.join("\n");
    const cookieValue = cookie.split("=").slice(1).join("=");
    for (const secret of [PASSWORD, WRONG_PASSWORD, apiToken, cookieValue, METRICS_TOKEN, owner.email, "secret body"]) {
      expect(all.includes(secret), `the log contains ${secret.slice(0, 12)}…`).toBe(false);
    }
  });
});

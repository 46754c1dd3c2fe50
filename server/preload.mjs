// Loaded before Next (by server/cluster.mjs, as `node --import ./server/preload.mjs …` would: see
// server/start-command.mjs), in every way the app is served: `next start`, the standalone build's server.js, and
// each worker of a cluster start.
// Next creates its HTTP server itself; this wraps http.createServer so that every request of every server
//   - gets a request id (a sane incoming X-Request-Id, or a new one), sent back as X-Request-Id,
//   - runs inside the request context (server/runtime.mjs), where the app notes the signed-in person,
//   - is counted and timed (ssi_http_requests_total, ssi_http_request_duration_seconds) by its route pattern,
//   - may be answered from the rendered-page cache (server/page-cache.mjs: the board and the dashboard),
//   - ends in one log line: time, level, request id, method, route, status, duration, user id (and cache hit/miss).
// It also owns the clean shutdown on SIGTERM / SIGINT (Next's own handling, which exits 143, is turned off):
// stop accepting, let the requests in flight finish (at most SHUTDOWN_TIMEOUT_MS, default 10 s), run the app's
// shutdown steps (the scheduler and sender stop and release their claims, the database closes), exit 0.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { handleWithPageCache } from "./page-cache.mjs";
import { runtime } from "./runtime.mjs";

const rt = runtime();
rt.preloaded = true;
process.env.NEXT_MANUAL_SIG_HANDLE = "true";

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

// ---- routes: a request's path to its page pattern (bounded labels for metrics, no ids or tokens in logs) ---------

let routes = null;
function loadRoutes() {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  try {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(distDir, "routes-manifest.json"), "utf8"));
    const compile = (list) => (list ?? []).map((r) => ({ page: r.page, regex: new RegExp(r.regex) }));
    return { static: new Map((manifest.staticRoutes ?? []).map((r) => [r.page, r.page])), dynamic: compile(manifest.dynamicRoutes) };
  } catch {
    return { static: new Map(), dynamic: [] };
  }
}

/** The route pattern a path belongs to (`/t/[slug]`), or a coarse bucket; never the raw path. */
export function routeOf(pathname) {
  routes ??= loadRoutes();
  if (pathname.startsWith("/_next/static/")) return "/_next/static";
  if (pathname.startsWith("/_next/image")) return "/_next/image";
  if (pathname.startsWith("/_next/")) return "/_next";
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (routes.static.has(trimmed)) return trimmed;
  for (const r of routes.dynamic) if (r.regex.test(trimmed)) return r.page;
  if (/\.[a-z0-9]{2,5}$/i.test(trimmed)) return "(file)";
  return "(unmatched)";
}

function pathOf(url) {
  const q = url.indexOf("?");
  return q === -1 ? url : url.slice(0, q);
}

// ---- the wrapped server ----------------------------------------------------------------------------------------

const servers = new Set();
let inFlight = 0;
let idle = null; // resolves when inFlight drops to 0 during shutdown

function instrument(listener) {
  return function handle(req, res) {
    const started = process.hrtime.bigint();
    const incoming = req.headers["x-request-id"];
    const requestId = typeof incoming === "string" && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader("X-Request-Id", requestId);
    if (rt.stopping) res.setHeader("Connection", "close");
    const store = { requestId, userId: undefined, cache: undefined };
    inFlight++;
    let done = false;
    const finish = (aborted) => {
      if (done) return;
      done = true;
      inFlight--;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(pathOf(req.url ?? "/"));
      const status = aborted && !res.headersSent ? 499 : res.statusCode;
      const labels = { method: req.method ?? "GET", route, status: String(status) };
      rt.metrics.httpRequests.inc(labels);
      rt.metrics.httpDuration.observe(labels, seconds);
      const line = { requestId, method: labels.method, route, status, durationMs: Math.round(seconds * 10_000) / 10, ...(store.userId ? { userId: store.userId } : {}), ...(store.cache ? { cache: store.cache } : {}), ...(aborted ? { aborted: true } : {}) };
      if (status >= 500) rt.log.error(line, "request");
      else if (status === 499) rt.log.warn(line, "request");
      else rt.log.info(line, "request");
      if (rt.stopping) {
        for (const s of servers) s.closeIdleConnections?.();
        if (inFlight === 0) idle?.();
      }
    };
    res.once("finish", () => finish(false));
    res.once("close", () => finish(!res.writableFinished));
    // The board and the dashboard may be answered from the rendered-page cache (server/page-cache.mjs).
    return rt.requestContext.run(store, () => handleWithPageCache(req, res, store, () => listener.call(this, req, res)));
  };
}

const originalCreateServer = http.createServer;
http.createServer = function createServer(...args) {
  const i = typeof args[0] === "function" ? 0 : typeof args[1] === "function" ? 1 : -1;
  if (i >= 0) args[i] = instrument(args[i]);
  const server = originalCreateServer.apply(this, args);
  if (i < 0) {
    // A listener added later (server.on("request", …)): instrument that one instead.
    const on = server.on.bind(server);
    server.on = server.addListener = (event, fn) => on(event, event === "request" ? instrument(fn) : fn);
  }
  servers.add(server);
  server.once("close", () => servers.delete(server));
  return server;
};

// ---- clean shutdown --------------------------------------------------------------------------------------------

const timeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS || 10_000);

async function shutdown(signal) {
  if (rt.stopping) return;
  rt.stopping = true;
  const t0 = Date.now();
  rt.log.info({ signal, inFlight }, "shutting down: no new connections; finishing the requests in flight");
  const closed = [...servers].map((s) => new Promise((resolve) => (s.listening ? s.close(() => resolve()) : resolve())));
  for (const s of servers) s.closeIdleConnections?.();
  let timer;
  const bounded = new Promise((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
  const drained = inFlight === 0 ? Promise.resolve("drained") : new Promise((resolve) => (idle = () => resolve("drained")));
  const outcome = await Promise.race([drained, bounded]);
  if (outcome === "timeout") {
    rt.log.warn({ inFlight, timeoutMs }, "shutting down: requests still running after the time allowed; closing their connections");
    for (const s of servers) s.closeAllConnections?.();
  }
  await Promise.race([Promise.all(closed), bounded]);
  clearTimeout(timer);
  // The app's steps (server/shutdown.ts), bounded too: a step that hangs must not keep the process alive forever.
  let failed = false;
  const steps = (async () => {
    for (const step of rt.shutdownSteps) {
      const started = Date.now();
      try {
        await step.fn();
        rt.log.info({ step: step.name, durationMs: Date.now() - started }, "shutdown step done");
      } catch (err) {
        failed = true;
        rt.log.error({ step: step.name, err: { message: err?.message } }, "shutdown step failed");
      }
    }
  })();
  let stepTimer;
  const stepsBound = new Promise((resolve) => (stepTimer = setTimeout(() => resolve("timeout"), timeoutMs)));
  if ((await Promise.race([steps, stepsBound])) === "timeout") {
    failed = true;
    rt.log.error({ timeoutMs }, "shutdown steps did not finish in the time allowed");
  }
  clearTimeout(stepTimer);
  rt.log.info({ signal, durationMs: Date.now() - t0, steps: rt.shutdownSteps.map((s) => s.name) }, failed ? "stopped, with errors" : "stopped cleanly");
  rt.log.flush?.();
  process.exit(failed ? 1 : 0);
}

for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => void shutdown(signal));

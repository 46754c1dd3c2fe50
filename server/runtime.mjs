// One logger, one metrics registry, one request context and one list of shutdown steps per process. They live on
// globalThis: the preload (server/preload.mjs, loaded by Node before Next) and each of Next's bundles (route
// handlers, pages, instrumentation) load this file separately, and must all see the same objects.
// Plain JavaScript: the preload runs before anything could compile TypeScript.
import { AsyncLocalStorage } from "node:async_hooks";
import v8 from "node:v8";
import pino from "pino";
import client from "prom-client";
import { workerMetrics } from "./cluster-ipc.mjs";

const KEY = Symbol.for("ssi-leaderboard.runtime");

/** What is never written to a log line, whatever a caller passes (a second net: callers log chosen fields only). */
export const REDACTED_PATHS = [
  "password", "*.password", "token", "*.token", "secret", "*.secret", "cookie", "*.cookie", "authorization",
  "*.authorization", "headers", "*.headers", "html", "*.html", "text", "*.text", "body", "*.body",
];

const LEVEL_NAMES = { 10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR", 60: "FATAL" };

/** One line a person reads in a terminal: time, level, message, then the other fields as key=value. */
export function prettyLine(line) {
  let o;
  try {
    o = JSON.parse(line);
  } catch {
    return line;
  }
  const { time, level, msg, pid: _pid, hostname: _host, ...rest } = o;
  const clock = new Date(time).toISOString().slice(11, 23);
  const fields = Object.entries(rest).map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`);
  return `${clock} ${(LEVEL_NAMES[level] ?? level).padEnd(5)} ${msg ?? ""}${fields.length ? `  ${fields.join(" ")}` : ""}\n`;
}

function createLogger() {
  const format = process.env.LOG_FORMAT ?? (process.stdout.isTTY ? "pretty" : "json");
  const options = {
    level: process.env.LOG_LEVEL ?? "info",
    // No pid / hostname on every line; in a cluster start (server/cluster.mjs), the worker's number.
    base: process.env.SSI_WORKER ? { worker: Number(process.env.SSI_WORKER) } : undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  };
  if (format === "pretty") return pino(options, { write: (line) => process.stdout.write(prettyLine(line)) });
  return pino(options, pino.destination({ dest: 1, sync: true }));
}

function createMetrics() {
  const registry = new client.Registry();
  // Process memory, CPU, event-loop lag (nodejs_eventloop_lag_seconds and its percentiles), handles, GC.
  client.collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const counter = (name, help, labelNames = []) => new client.Counter({ name, help, labelNames, registers });
  // `aggregator`: how a cluster start merges the workers' figures (server/cluster-ipc.mjs; counters are summed).
  const gauge = (name, help, labelNames = [], aggregator = "sum") => new client.Gauge({ name, help, labelNames, registers, aggregator });
  // The limit the start set (server/start-command.mjs: --max-old-space-size, plus V8's young generation): heap used
  // near it means the caches' bounds or the limit need changing.
  gauge("ssi_heap_limit_bytes", "V8's heap limit of the worker processes (old space from --max-old-space-size, plus the young generation).").set(
    v8.getHeapStatistics().heap_size_limit,
  );
  return {
    registry,
    httpRequests: counter("ssi_http_requests_total", "HTTP requests answered, by method, route and status.", ["method", "route", "status"]),
    httpDuration: new client.Histogram({
      name: "ssi_http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its answer, by method, route and status.",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    dbPoolMax: gauge("ssi_db_pool_max", "Connections the database pool may open (1 for the embedded database)."),
    dbPoolConnections: gauge("ssi_db_pool_connections", "Database connections of this process, by state (open, busy).", ["state"]),
    dbErrors: counter("ssi_db_errors_total", "Database errors that failed a request or a job, by kind (connection, query).", ["kind"]),
    // Read from the shared database: every worker would report the same figure, so the one scraped counts.
    outboxMessages: gauge("ssi_outbox_messages", "Messages in the outbox, by status (pending, sent, failed).", ["status"], "first"),
    outboxOldestPendingAge: gauge("ssi_outbox_oldest_pending_age_seconds", "Age of the oldest pending outbox message; 0 when none is pending.", [], "first"),
    outboxClaimed: gauge("ssi_outbox_claimed", "Pending messages held by a sender's lease right now (all instances).", [], "first"),
    digestsSent: counter("ssi_digests_sent_total", "Digest emails this process handed to the mail server (or the preview)."),
    emailsSent: counter("ssi_outbox_sent_total", "Outbox messages this process delivered, by kind.", ["kind"]),
    jobRuns: counter("ssi_job_runs_total", "Background job runs, by job and outcome (ok, error).", ["job", "outcome"]),
    signInFailures: counter("ssi_sign_in_failures_total", "Refused password sign-ins, by reason (invalid_credentials, rate_limited).", ["reason"]),
    rateLimitRefusals: counter("ssi_rate_limit_refusals_total", "Requests refused by a rate limit, by policy.", ["policy"]),
  };
}

function create() {
  const shutdownSteps = [];
  const collectors = [];
  const metrics = createMetrics();
  // Errors are the collector's to handle (count and log them): a scrape still answers with what it has.
  const collect = async () => {
    for (const fn of collectors) await fn();
  };
  return {
    log: createLogger(),
    metrics,
    /** Registers a refresh of this process's own gauges, run before its metrics are read (here or by a cluster's primary). */
    onCollect(fn) {
      collectors.push(fn);
    },
    collect,
    /** In a worker of a cluster start: every worker's metrics merged, as Prometheus text; null in a single process. */
    clusterMetrics: workerMetrics(metrics.registry, collect).scrape,
    /** The request being answered: its id and, once known, the signed-in person's id. */
    requestContext: new AsyncLocalStorage(),
    /** Registers a step of a clean shutdown (run in registration order, after the HTTP servers stopped). */
    onShutdown(name, fn) {
      shutdownSteps.push({ name, fn });
    },
    shutdownSteps,
    /** Set by the preload: true once a shutdown signal arrived. */
    stopping: false,
    /** Set by the preload: shutdown is handled (without it, Next's own signal handling applies). */
    preloaded: false,
  };
}

/** This process's runtime (created on first use). */
export function runtime() {
  return (globalThis[KEY] ??= create());
}

/** Notes the signed-in person (or API token's owner) of the request being answered, for its log line. */
export function noteRequestUser(userId) {
  const store = runtime().requestContext.getStore();
  if (store && userId) store.userId = userId;
}

/** The id of the request being answered, or undefined outside a request. */
export function currentRequestId() {
  return runtime().requestContext.getStore()?.requestId;
}

/**
 * Runs one background job (a scheduler tick, a drain of the outbox) and writes one log line for it: its name,
 * outcome, duration and `summarize(result)` (counts only: never addresses or bodies). Errors are logged and
 * rethrown.
 */
export async function runJob(job, fn, summarize) {
  const rt = runtime();
  const started = performance.now();
  try {
    const result = await fn();
    rt.metrics.jobRuns.inc({ job, outcome: "ok" });
    const summary = summarize ? summarize(result) : result && typeof result === "object" ? result : undefined;
    rt.log.info({ job, outcome: "ok", durationMs: Math.round(performance.now() - started), ...(summary ? { summary } : {}) }, `job ${job}`);
    return result;
  } catch (err) {
    rt.metrics.jobRuns.inc({ job, outcome: "error" });
    rt.log.error({ job, outcome: "error", durationMs: Math.round(performance.now() - started), err: { message: err?.message, code: err?.code } }, `job ${job} failed`);
    if (isDatabaseError(err)) rt.metrics.dbErrors.inc({ kind: databaseErrorKind(err) });
    throw err;
  }
}

const CONNECTION_CODES = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|EPIPE|CONNECT_TIMEOUT|CONNECTION_(CLOSED|ENDED|DESTROYED)|57P0[123]|53300)$/;
const SQLSTATE = /^(?=.*\d)[0-9A-Z]{5}$/;

function codes(err, depth = 0) {
  if (!err || typeof err !== "object" || depth > 4) return [];
  const own = typeof err.code === "string" ? [err.code] : [];
  const nested = err instanceof AggregateError ? err.errors.flatMap((e) => codes(e, depth + 1)) : [];
  return [...own, ...nested, ...codes(err.cause, depth + 1)];
}

/** True when an error came from the database: a connection failure, or PostgreSQL refusing a query (SQLSTATE). */
export function isDatabaseError(err) {
  if (err && typeof err === "object" && (err.name === "DrizzleQueryError" || err.name === "DatabaseUnavailableError")) return true;
  return codes(err).some((c) => CONNECTION_CODES.test(c) || SQLSTATE.test(c));
}

/** "connection" when the database could not be reached, "query" when it refused a statement. */
export function databaseErrorKind(err) {
  return err?.name === "DatabaseUnavailableError" || codes(err).some((c) => CONNECTION_CODES.test(c)) ? "connection" : "query";
}

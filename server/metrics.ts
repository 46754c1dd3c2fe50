// GET /api/metrics: the process's counters and histograms (server/runtime.mjs; requests are counted by the
// preload) plus gauges read at scrape time: the database pool (this process's), and the outbox (shared by every
// instance). In a cluster start (server/cluster.mjs) the scrape covers every worker of the instance, merged by the
// primary (server/cluster-ipc.mjs): each worker refreshes its own pool gauges when the primary asks for them.
import { poolUse } from "@/db/client";
import { outboxStats } from "@/db/queries/outbox";
import { databaseErrorKind, runtime } from "@/server/runtime.mjs";

const g = globalThis as unknown as { __ssiMetricsCollector?: boolean };

/** The database is down: the process figures still answer, and the error is counted. */
function counted(err: unknown) {
  runtime().metrics.dbErrors.inc({ kind: databaseErrorKind(err) });
}

/** This process's own gauges: its database pool. */
async function refreshPoolGauges(): Promise<void> {
  const { metrics } = runtime();
  try {
    const pool = await poolUse();
    metrics.dbPoolMax.set(pool.max);
    metrics.dbPoolConnections.set({ state: "open" }, pool.open);
    metrics.dbPoolConnections.set({ state: "busy" }, pool.busy);
  } catch (err) {
    counted(err);
  }
}

/** The gauges read from the shared database: the outbox (the same figures from any process). */
async function refreshOutboxGauges(): Promise<void> {
  const { metrics } = runtime();
  try {
    const outbox = await outboxStats();
    for (const [status, n] of Object.entries(outbox.byStatus)) metrics.outboxMessages.set({ status }, n);
    metrics.outboxClaimed.set(outbox.claimed);
    metrics.outboxOldestPendingAge.set(outbox.oldestPendingSeconds);
  } catch (err) {
    counted(err);
  }
}

/** Registers the pool refresh once per process, so a cluster's primary gets fresh figures from every worker. */
export function registerMetricsCollector(): void {
  if (g.__ssiMetricsCollector) return;
  g.__ssiMetricsCollector = true;
  runtime().onCollect(refreshPoolGauges);
}

/** Refreshes the gauges read from the database, then renders everything in Prometheus's text format. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  const rt = runtime();
  registerMetricsCollector();
  await refreshOutboxGauges();
  const { registry } = rt.metrics;
  // A worker of a cluster: the primary asks every worker (this one first) and merges; rejects when it cannot.
  const merged = await rt.clusterMetrics();
  if (merged !== null) return { body: merged, contentType: registry.contentType };
  await rt.collect();
  return { body: await registry.metrics(), contentType: registry.contentType };
}

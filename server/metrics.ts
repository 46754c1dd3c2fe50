// GET /api/metrics: the process's counters and histograms (server/runtime.mjs; requests are counted by the
// preload) plus gauges read at scrape time: the database pool, and the outbox (shared by every instance).
import { poolUse } from "@/db/client";
import { outboxStats } from "@/db/queries/outbox";
import { databaseErrorKind, runtime } from "@/server/runtime.mjs";

/** Refreshes the gauges read from the database, then renders everything in Prometheus's text format. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  const { metrics } = runtime();
  try {
    const [pool, outbox] = await Promise.all([poolUse(), outboxStats()]);
    metrics.dbPoolMax.set(pool.max);
    metrics.dbPoolConnections.set({ state: "open" }, pool.open);
    metrics.dbPoolConnections.set({ state: "busy" }, pool.busy);
    for (const [status, n] of Object.entries(outbox.byStatus)) metrics.outboxMessages.set({ status }, n);
    metrics.outboxClaimed.set(outbox.claimed);
    metrics.outboxOldestPendingAge.set(outbox.oldestPendingSeconds);
  } catch (err) {
    // The database is down: the process figures still answer, and the error is counted.
    metrics.dbErrors.inc({ kind: databaseErrorKind(err) });
  }
  return { body: await metrics.registry.metrics(), contentType: metrics.registry.contentType };
}

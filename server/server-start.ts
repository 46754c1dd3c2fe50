import { database } from "@/db/client";
import { DatabaseLockedError } from "@/db/pglite-lock";
import { EnvError } from "@/lib/env";
import { prepareRuntimeEnv } from "@/lib/runtime-env";
import { noteWorkerReady } from "@/server/cluster-ipc.mjs";
import { registerMetricsCollector } from "@/server/metrics";

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

/** Start-up checks: a wrong configuration or a locked embedded database stops the server with a clear message. */
export async function startServer(): Promise<void> {
  // A clean stop on SIGTERM / SIGINT (when started through server/preload.mjs): see server/shutdown.ts.
  (await import("@/server/shutdown")).registerShutdown();
  try {
    // Embedded mode: a newcomer configures nothing; the secret is made once and kept with the data.
    prepareRuntimeEnv();
  } catch (err) {
    if (err instanceof EnvError) fail(err.message);
    throw err;
  }
  try {
    await database();
  } catch (err) {
    if (err instanceof DatabaseLockedError) fail(err.message);
    // A PostgreSQL that is down at start is not fatal: /api/health says 503 and the next request retries.
    console.error("[db] could not open the database at start-up; will retry on the next request:", err);
  }
  // The board and dashboard answered from the rendered-page cache in front of Next (server/page-cache.mjs).
  (await import("@/server/page-cache-key")).registerPageCache();
  // Weekly digests and the outbox sender. Off in end-to-end runs (they drive mail explicitly) and on request.
  if (!process.env.E2E && !process.env.DISABLE_SCHEDULER) {
    const { startDigestScheduler } = await import("@/server/digest/scheduler");
    startDigestScheduler();
  }
  // In a cluster start (server/cluster.mjs): every worker reports its pool when the instance is scraped, and the
  // primary learns that this worker got past its start-up checks (a worker that dies before this is not retried).
  registerMetricsCollector();
  noteWorkerReady();
}

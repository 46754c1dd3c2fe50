/** Runs once when a server instance starts: validate configuration, then open and migrate the database. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServer } = await import("./server/server-start");
  await startServer();
}

/**
 * Every error while answering a request: one that says the database cannot be reached tells the whole process,
 * so that proxy.ts answers the next pages with 503 and the outage page until the database answers again. A database
 * error is counted for the metrics (ssi_db_errors_total).
 */
export async function onRequestError(err: unknown) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ isConnectionError }, { noteDatabaseReachable }, { databaseErrorKind, isDatabaseError, runtime }] = await Promise.all([
    import("./db/client"),
    import("./lib/database-health"),
    import("./server/runtime.mjs"),
  ]);
  if (isConnectionError(err)) noteDatabaseReachable(false);
  if (isDatabaseError(err)) runtime().metrics.dbErrors.inc({ kind: databaseErrorKind(err) });
}

// What the whole process knows about the database's reachability, shared through globalThis by every bundle
// (pages, route handlers, instrumentation and proxy.ts). No imports: proxy.ts uses it without loading the
// database driver; db/client.ts registers the probe.

type Health = { down: boolean; probe?: (timeoutMs: number) => Promise<boolean>; pending?: Promise<boolean>; checkedAt?: number };

const g = globalThis as unknown as { __ssiDbHealth?: Health };
const health = (): Health => (g.__ssiDbHealth ??= { down: false });

/** Called where an outage is seen (a failed open, query or ping) and where the database answers again. */
export function noteDatabaseReachable(reachable: boolean): void {
  health().down = !reachable;
}

/** db/client.ts: how to ask the database whether it answers (a trivial query with a timeout). */
export function registerDatabaseProbe(probe: (timeoutMs: number) => Promise<boolean>): void {
  health().probe = probe;
}

/** True while the database is known to be down (proxy.ts answers the outage page until it answers again). */
export function databaseSeenDown(): boolean {
  return health().down;
}

/** How long a probe's answer stands for every request asking at once (one probe per second at most). */
const PROBE_REUSE_MS = 1_000;

/**
 * False only when the database was seen down and still does not answer within `timeoutMs` (one shared probe,
 * so a burst of requests during an outage costs one query). True while nothing suggests an outage: this costs
 * nothing on the normal path.
 */
export async function databaseAnswers(timeoutMs: number): Promise<boolean> {
  const h = health();
  if (!h.down || !h.probe) return true;
  if (h.pending) return h.pending;
  if (h.checkedAt !== undefined && Date.now() - h.checkedAt < PROBE_REUSE_MS) return !h.down;
  h.pending = h.probe(timeoutMs).finally(() => {
    h.pending = undefined;
    h.checkedAt = Date.now();
  });
  return h.pending;
}

// What the primary of a cluster start (server/cluster.mjs) and its workers say to each other over Node's IPC channel:
//   - a worker tells the primary it is ready (the app's start-up checks passed: server/server-start.ts), so the
//     primary can tell a worker that dies at start (a wrong configuration: give up) from one that crashes later
//     (restart it);
//   - /api/metrics, answered by whichever worker the scrape lands on, covers the whole instance: that worker asks
//     the primary, the primary asks every worker for its registry (the asking one first) and merges them with
//     prom-client's AggregatorRegistry.aggregate: counters and histograms summed, each gauge by its `aggregator`
//     (the pool gauges summed, the database-wide outbox gauges taken from the asking worker, which just read them).
// Plain JavaScript: the primary and the preload run before anything could compile TypeScript. The worker's side
// keeps its state in the closure that runtime() holds (on globalThis): Next's bundles load this file separately.
import cluster from "node:cluster";
import client from "prom-client";

const READY = "ssi:worker:ready";
const COLLECT = "ssi:metrics:collect"; // primary → worker: your metrics, as JSON
const COLLECTED = "ssi:metrics:collected"; // worker → primary
const SCRAPE = "ssi:metrics:scrape"; // worker → primary: every worker's metrics, merged
const SCRAPED = "ssi:metrics:scraped"; // primary → worker
const TIMEOUT_MS = 5_000;

/** True in a worker forked by a cluster start. */
export function isClusterWorker() {
  return cluster.isWorker && typeof process.send === "function";
}

/** In a worker: tells the primary that the app started (no-op elsewhere). */
export function noteWorkerReady() {
  if (isClusterWorker()) process.send({ type: READY });
}

/**
 * The worker's side, set up once per process by runtime(): answers the primary's requests for this process's
 * metrics (running `refresh` first: the gauges only this process can read, such as its database pool), and
 * returns `scrape()`, which resolves to every worker's metrics merged, or null when this process is not a worker.
 */
export function workerMetrics(registry, refresh) {
  if (!isClusterWorker()) return { scrape: async () => null };
  const waiting = new Map();
  let seq = 0;
  process.on("message", (msg) => {
    if (msg?.type === COLLECT) {
      refresh()
        .then(() => registry.getMetricsAsJSON())
        .then(
          (metrics) => process.send({ type: COLLECTED, round: msg.round, metrics }),
          (err) => process.send({ type: COLLECTED, round: msg.round, error: String(err?.message ?? err) }),
        );
    } else if (msg?.type === SCRAPED) {
      const w = waiting.get(msg.id);
      if (!w) return;
      waiting.delete(msg.id);
      clearTimeout(w.timer);
      if (msg.error) w.reject(new Error(msg.error));
      else w.resolve(msg.text);
    }
  });
  return {
    scrape: () =>
      new Promise((resolve, reject) => {
        const id = ++seq;
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error("the cluster's primary did not answer with the workers' metrics in time"));
        }, TIMEOUT_MS * 2);
        waiting.set(id, { resolve, reject, timer });
        process.send({ type: SCRAPE, id });
      }),
  };
}

/**
 * The primary's side: answers workers' scrapes with the merged metrics of the `ready()` workers (one still
 * booting could not answer yet) plus the primary's own `registry` (its worker count and restarts).
 * `onReady(worker)` is called when a worker is ready. A worker that does not answer within 5 s is left out of that
 * scrape (and logged with `log`).
 */
export function servePrimary({ registry, log, onReady, ready }) {
  let rounds = 0;
  const open = new Map(); // round → { answers: Map(worker id → metrics), done }
  cluster.on("message", (worker, msg) => {
    if (msg?.type === READY) onReady(worker);
    else if (msg?.type === COLLECTED) open.get(msg.round)?.answer(worker, msg);
    else if (msg?.type === SCRAPE) {
      gather(worker).then(
        (text) => worker.isConnected() && worker.send({ type: SCRAPED, id: msg.id, text }),
        (err) => worker.isConnected() && worker.send({ type: SCRAPED, id: msg.id, error: String(err?.message ?? err) }),
      );
    }
  });

  async function gather(asking) {
    const workers = [asking, ...ready().filter((w) => w !== asking)].filter((w) => w.isConnected());
    const round = ++rounds;
    const answers = new Map();
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, TIMEOUT_MS);
      open.set(round, {
        answer(worker, msg) {
          if (msg.error) log.warn({ worker: worker.id, err: { message: msg.error } }, "a worker could not read its metrics");
          answers.set(worker.id, msg.metrics ?? null);
          if (answers.size === workers.length) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
      for (const w of workers) w.send({ type: COLLECT, round });
    });
    open.delete(round);
    const missing = workers.filter((w) => !answers.get(w.id));
    if (missing.length) log.warn({ workers: missing.map((w) => w.id) }, "workers left out of a metrics scrape (no answer within 5 s)");
    // The asking worker first: the gauges aggregated as "first" (the outbox, read from the shared database) are its.
    const parts = workers.map((w) => answers.get(w.id)).filter(Boolean);
    parts.push(await registry.getMetricsAsJSON());
    return client.AggregatorRegistry.aggregate(parts).metrics();
  }
}

import { postDueHighlights } from "@/db/queries/channel-posts";
import { enqueueDueDigests } from "./run";
import { enqueueDueReminders } from "@/server/reminders";
import { drainAll } from "@/server/mail/sender";
import { publicOrigin } from "@/lib/mail/origin";
import { runJob } from "@/server/runtime.mjs";

const g = globalThis as unknown as { __ssiDigestTimer?: NodeJS.Timeout; __ssiDigestFirst?: NodeJS.Timeout; __ssiDigestTick?: Promise<void> | null };

/** One scheduler tick: enqueue every due team digest, opt-in reminder and highlight post, then deliver the outbox. */
export async function digestTick(now = new Date()) {
  const runs = await enqueueDueDigests(now, { origin: publicOrigin() });
  await enqueueDueReminders(now, { origin: publicOrigin() });
  await postDueHighlights(now, { origin: publicOrigin() });
  const delivered = await drainAll({ limit: 100, maxRounds: 20 });
  return { runs, delivered };
}

/**
 * Starts the in-process scheduler (once per process): every minute it enqueues due digests and drains the
 * outbox. Safe with many instances: digest_runs and SKIP LOCKED claims make each digest and email go out once.
 * The timer is unref'd so it never keeps a process alive.
 */
export function startDigestScheduler(intervalMs = 60_000): void {
  if (g.__ssiDigestTimer) return;
  const tick = async () => {
    if (g.__ssiDigestTick) return;
    g.__ssiDigestTick = runJob("digest-tick", digestTick, ({ runs, delivered }) => ({
      digestRuns: runs.filter((x) => x.status === "enqueued").length,
      emailsEnqueued: runs.reduce((n, x) => n + (x.status === "enqueued" ? x.recipients : 0), 0),
      ...delivered,
    }))
      .then(({ runs }) => {
        for (const r of runs.filter((x) => x.status === "enqueued")) {
          console.log(`[digest] team ${r.teamId}, week of ${r.weekStart}: ${r.recipients} emails enqueued`);
        }
      })
      .catch(() => {}) // logged by runJob
      .finally(() => (g.__ssiDigestTick = null));
    await g.__ssiDigestTick;
  };
  g.__ssiDigestTimer = setInterval(tick, intervalMs);
  g.__ssiDigestTimer.unref();
  g.__ssiDigestFirst = setTimeout(tick, 5_000);
  g.__ssiDigestFirst.unref();
}

/** For a clean shutdown: no further ticks, and the one running (if any) finishes. */
export async function stopDigestScheduler(): Promise<void> {
  clearInterval(g.__ssiDigestTimer);
  clearTimeout(g.__ssiDigestFirst);
  await g.__ssiDigestTick;
}

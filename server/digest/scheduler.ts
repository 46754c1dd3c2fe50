import { postDueHighlights } from "@/db/queries/channel-posts";
import { enqueueDueDigests } from "@/db/queries/digest";
import { enqueueDueReminders } from "@/db/queries/reminders";
import { drainAll } from "@/server/mail/sender";
import { publicOrigin } from "@/lib/mail/origin";

const g = globalThis as unknown as { __ssiDigestTimer?: NodeJS.Timeout };
let running = false;

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
    if (running) return;
    running = true;
    try {
      const { runs } = await digestTick();
      for (const r of runs.filter((x) => x.status === "enqueued")) {
        console.log(`[digest] team ${r.teamId}, week of ${r.weekStart}: ${r.recipients} emails enqueued`);
      }
    } catch (err) {
      console.error("[digest] scheduler tick failed:", err);
    } finally {
      running = false;
    }
  };
  g.__ssiDigestTimer = setInterval(tick, intervalMs);
  g.__ssiDigestTimer.unref();
  setTimeout(tick, 5_000).unref();
}

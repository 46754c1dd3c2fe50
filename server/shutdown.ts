// The app's part of a clean shutdown (the preload, server/preload.mjs, stops the HTTP servers first and then runs
// these steps in order): the outbox sender finishes the deliveries in progress and releases the messages it
// claimed but did not try; no further scheduler ticks, and the running one finishes; the database closes (on the
// embedded database this releases the directory's lock).
import { closeDatabase } from "@/db/client";
import { stopDigestScheduler } from "@/server/digest/scheduler";
import { closeTransports, stopSender } from "@/server/mail/sender";
import { runtime } from "@/server/runtime.mjs";

const g = globalThis as unknown as { __ssiShutdownRegistered?: boolean };

/** Registers the shutdown steps once per process. Without the preload, Next's own signal handling applies. */
export function registerShutdown(): void {
  if (g.__ssiShutdownRegistered) return;
  g.__ssiShutdownRegistered = true;
  const rt = runtime();
  // The sender first: a scheduler tick ends with a drain of the outbox, which must stop taking messages.
  rt.onShutdown("outbox sender", async () => {
    await stopSender();
    closeTransports();
  });
  rt.onShutdown("scheduler", stopDigestScheduler);
  rt.onShutdown("database", closeDatabase);
}

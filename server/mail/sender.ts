import nodemailer, { type Transporter } from "nodemailer";
import { claimDueMessages, markAttemptFailed, markSent, releaseClaims, type ClaimedMessage } from "@/db/queries/outbox";
import { env } from "@/lib/env";
import { deliverChannelMessage } from "@/server/channels/deliver";
import { runJob, runtime } from "@/server/runtime.mjs";

/** After this many attempts a message is marked failed, with the last error kept for the team's owners. */
export const MAX_ATTEMPTS = 8;
/** How long a claim holds a message; a sender that died is taken over after this. Longer than any SMTP timeout. */
export const LEASE_MS = 5 * 60_000;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;

/** Wait before the next attempt after `attempts` failed ones: 30 s, 1 min, 2 min, … capped at an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
}

export type DrainOptions = {
  /** Most messages to handle in this run. */
  limit?: number;
  /** The clock (tests move it forward instead of sleeping). */
  now?: Date;
  /** SMTP URL; defaults to SMTP_URL. `null` forces the preview transport. */
  transportUrl?: string | null;
  from?: string;
  /** Messages sent in parallel (over a pooled connection). */
  concurrency?: number;
  /** Channel posts (Slack / Teams): the request timeout, and the allowed origins (default: the environment's). */
  webhookTimeoutMs?: number;
  allowedOrigins?: readonly string[];
};

export type DrainResult = { claimed: number; sent: number; retried: number; failed: number };

const g = globalThis as unknown as {
  __ssiTransports?: Map<string, Transporter>;
  /** Set at shutdown: drains stop taking messages, and give back the ones they claimed but did not send. */
  __ssiSenderStopping?: boolean;
  __ssiDrains?: Set<Promise<unknown>>;
};

function transportFor(url: string, pooled: boolean, maxConnections = 4): Transporter {
  g.__ssiTransports ??= new Map();
  const key = `${pooled ? `pool-${maxConnections}` : "single"} ${url}`;
  let t = g.__ssiTransports.get(key);
  if (!t) {
    t = nodemailer.createTransport(pooled ? ({ url, pool: true, maxConnections } as never) : url, {});
    g.__ssiTransports.set(key, t);
  }
  return t;
}

/** Closes cached SMTP connections (tests and scripts, before exiting). */
export function closeTransports() {
  for (const t of g.__ssiTransports?.values() ?? []) t.close();
  g.__ssiTransports?.clear();
}

function messageIdDomain(from: string) {
  return /@([^>\s]+)/.exec(from)?.[1] ?? "localhost";
}

/**
 * Delivers due outbox messages: claims a batch (FOR UPDATE SKIP LOCKED with a lease), sends each over SMTP, and
 * marks it sent in its own statement right after the server accepted it. Without SMTP the message is marked
 * sent with the "preview" transport and stays readable in the app's mail preview. A failure is retried with
 * exponential backoff, and after MAX_ATTEMPTS the message is failed with the last error.
 */
export async function drainOutbox(opts: DrainOptions = {}): Promise<DrainResult> {
  const now = opts.now ?? new Date();
  const url = opts.transportUrl === undefined ? (env().SMTP_URL ?? null) : opts.transportUrl;
  const from = opts.from ?? env().MAIL_FROM;
  const limit = opts.limit ?? 100;
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  if (g.__ssiSenderStopping) return { claimed: 0, sent: 0, retried: 0, failed: 0 };
  const claimed = await claimDueMessages({ limit, now, leaseMs: LEASE_MS });
  const result: DrainResult = { claimed: claimed.length, sent: 0, retried: 0, failed: 0 };
  const delivered: string[] = [];
  const transport = url ? transportFor(url, concurrency > 1, concurrency) : null;

  // A channel post's failure: the same rule as email, except that a refusal is final and Retry-After sets the wait.
  const failed = async (m: ClaimedMessage, error: string, retry: boolean, waitMs: number | null) => {
    const retryAt = !retry || m.attempts >= MAX_ATTEMPTS ? null : new Date(now.getTime() + (waitMs ?? backoffMs(m.attempts)));
    await markAttemptFailed(m.id, error, retryAt);
    if (retryAt) result.retried++;
    else result.failed++;
  };

  const deliver = async (m: ClaimedMessage) => {
    if (m.channel !== "email") {
      // A post to the team's channel: same claim, retries and failure rules; a 429's Retry-After sets the wait.
      const r = await deliverChannelMessage(m, { now, timeoutMs: opts.webhookTimeoutMs, allowedOrigins: opts.allowedOrigins });
      if (!r.ok) return failed(m, r.error, r.retry, r.retryAfterMs);
      await markSent(m.id, "webhook", now);
      delivered.push(m.kind);
      result.sent++;
      return;
    }
    if (!transport) {
      await markSent(m.id, "preview", now);
      delivered.push(m.kind);
      result.sent++;
      return;
    }
    try {
      await transport.sendMail({
        from,
        to: m.toEmail,
        subject: m.subject,
        html: m.html,
        text: m.text,
        headers: m.headers,
        // Stable per outbox row: should a retry ever repeat a delivery, mail systems can recognise the copy.
        messageId: `<outbox-${m.id}@${messageIdDomain(from)}>`,
      });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      const retryAt = m.attempts >= MAX_ATTEMPTS ? null : new Date(now.getTime() + backoffMs(m.attempts));
      await markAttemptFailed(m.id, error, retryAt);
      if (retryAt) result.retried++;
      else result.failed++;
      return;
    }
    await markSent(m.id, "smtp", now);
    delivered.push(m.kind);
    result.sent++;
  };

  let next = 0;
  const worker = async () => {
    while (next < claimed.length && !g.__ssiSenderStopping) await deliver(claimed[next++]!);
  };
  const run = Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, worker));
  (g.__ssiDrains ??= new Set()).add(run);
  try {
    await run;
  } finally {
    g.__ssiDrains.delete(run);
    // Stopping: what was claimed but not attempted goes back at once, not when the lease runs out.
    const untried = claimed.slice(next).map((m) => m.id);
    if (untried.length) await releaseClaims(untried);
  }
  for (const kind of delivered) {
    runtime().metrics.emailsSent.inc({ kind });
    if (kind === "digest") runtime().metrics.digestsSent.inc();
  }
  return result;
}

/**
 * For a clean shutdown: drains stop taking messages, the deliveries in progress finish (each bounded by the SMTP
 * or webhook timeout), and claimed messages not yet attempted are released for another sender.
 */
export async function stopSender(): Promise<void> {
  g.__ssiSenderStopping = true;
  while (g.__ssiDrains?.size) await Promise.allSettled([...g.__ssiDrains]);
  await kicking?.catch(() => {});
}

/** Drains until nothing due is left (or `maxRounds` batches), summing the counts. */
export async function drainAll(opts: DrainOptions & { maxRounds?: number } = {}): Promise<DrainResult> {
  const total: DrainResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };
  for (let i = 0; i < (opts.maxRounds ?? 50); i++) {
    const r = await drainOutbox(opts);
    total.claimed += r.claimed;
    total.sent += r.sent;
    total.retried += r.retried;
    total.failed += r.failed;
    if (r.claimed < (opts.limit ?? 100) || g.__ssiSenderStopping) break;
  }
  return total;
}

let kicking: Promise<unknown> | null = null;
let again = false;

/** Starts a drain in the background (after enqueueing an invitation or sign-in link); errors are only logged. */
export function kickSender(): void {
  if (kicking) {
    again = true; // a message enqueued during a drain may have missed its claim: run once more afterwards
    return;
  }
  if (g.__ssiSenderStopping) return;
  kicking = runJob("outbox-drain", () => drainAll({ limit: 50, maxRounds: 4 }))
    .catch(() => {}) // logged by runJob
    .finally(() => {
      kicking = null;
      if (again && !g.__ssiSenderStopping) {
        again = false;
        kickSender();
      }
    });
}

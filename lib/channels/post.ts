// One HTTP POST to a team's webhook, and what its answer means for the outbox. Plain fetch: an incoming webhook
// is a single JSON POST, and the outcome rules (retry on 5xx/429 with Retry-After, a broken connection on other
// 4xx, no redirects, a hard timeout, nothing of the URL in any message) are ours either way.
import { CHANNEL_LABELS, mayPostTo, type ChannelKind } from "./url";

export const WEBHOOK_TIMEOUT_MS = 10_000;
/** A Retry-After longer than this is not waited for in full (the outbox backoff caps at an hour too). */
const MAX_RETRY_AFTER_MS = 60 * 60_000;

export type PostOutcome =
  | { ok: true; status: number; answer: string }
  /** `retry`: a network error, timeout, 5xx or 429 (with the wait the service asked for); else a refusal (4xx). */
  | { ok: false; retry: boolean; retryAfterMs: number | null; error: string };

/** Seconds or an HTTP date, as Retry-After allows; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (!value) return null;
  const ms = /^\d+$/.test(value.trim()) ? Number(value.trim()) * 1000 : Date.parse(value) - now.getTime();
  return Number.isFinite(ms) ? Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)) : null;
}

// Control characters and long bodies are kept out of what managers see; the body is the service's own words.
const answerText = (body: string) => body.replace(/\p{Cc}+/gu, " ").trim().slice(0, 200);

/** Why a request failed without an answer, in words that never include the URL (it is a secret). */
function networkError(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; cause?: { code?: string } };
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return `No answer within ${timeoutMs / 1000} s.`;
  return `Could not reach the service (${e?.cause?.code ?? "network error"}).`;
}

export async function postToWebhook(
  url: string,
  kind: ChannelKind,
  body: string,
  opts: { allowedOrigins: readonly string[]; timeoutMs?: number; now?: Date },
): Promise<PostOutcome> {
  const label = CHANNEL_LABELS[kind];
  if (!mayPostTo(url, opts.allowedOrigins)) {
    return { ok: false, retry: false, retryAfterMs: null, error: "Not posted: this webhook address is not allowed." };
  }
  const timeoutMs = opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body,
      // A redirect could lead anywhere, including inside our network: never followed.
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = answerText(await res.text());
  } catch (err) {
    return { ok: false, retry: true, retryAfterMs: null, error: networkError(err, timeoutMs) };
  }
  const said = `${label} answered ${res.status}${text ? ` ${text}` : ""}`;
  if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, answer: said };
  if (res.status === 429 || res.status === 408 || res.status >= 500) {
    return { ok: false, retry: true, retryAfterMs: parseRetryAfter(res.headers.get("retry-after"), opts.now ?? new Date()), error: said };
  }
  return { ok: false, retry: false, retryAfterMs: null, error: res.status >= 300 && res.status < 400 ? `${said} (a redirect: not followed)` : said };
}

import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { renderMetrics } from "@/server/metrics";
import { runtime } from "@/server/runtime.mjs";

export const dynamic = "force-dynamic";

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * Prometheus scrapes: `GET /api/metrics` with `Authorization: Bearer $METRICS_TOKEN`. Not found while
 * METRICS_TOKEN is unset (nothing tells a visitor the endpoint exists); 401 for a missing or wrong token.
 */
export async function GET(request: Request) {
  const token = env().METRICS_TOKEN;
  if (!token) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  const given = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!timingSafeEqual(digest(given), digest(token))) {
    return new Response("Unauthorized", { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"', "cache-control": "no-store" } });
  }
  try {
    const { body, contentType } = await renderMetrics();
    return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
  } catch (err) {
    // A cluster whose primary did not merge the workers' figures: a failed scrape, never one worker's figures
    // passed off as the instance's (its counters would look reset).
    runtime().log.error({ err: { message: err instanceof Error ? err.message : String(err) } }, "metrics unavailable");
    return new Response("Metrics unavailable", { status: 503, headers: { "cache-control": "no-store", "retry-after": "5" } });
  }
}

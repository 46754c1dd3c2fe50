import { createHash, timingSafeEqual } from "node:crypto";
import { digestTick } from "@/server/digest/scheduler";
import { answerOutage } from "@/server/api";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * Hosted cron: `POST /api/cron/digest` with `Authorization: Bearer $CRON_SECRET` enqueues every due team digest
 * and delivers the outbox. Safe to call often and from several schedulers: each team's week is produced once.
 */
export const POST = answerOutage(async function POST(request: Request) {
  const secret = env().CRON_SECRET;
  if (!secret) return Response.json({ error: "not configured: set CRON_SECRET to use this endpoint" }, { status: 503 });
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!timingSafeEqual(digest(given), digest(secret))) {
    return Response.json({ error: "unauthorized" }, { status: 401, headers: { "www-authenticate": "Bearer" } });
  }
  const { runs, delivered } = await digestTick();
  return Response.json(
    {
      digests: runs.map((r) => ({ teamId: r.teamId, weekStart: r.weekStart, status: r.status, recipients: r.recipients })),
      outbox: delivered,
    },
    { headers: { "cache-control": "no-store" } },
  );
});

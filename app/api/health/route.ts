import { databaseKind, pingDatabase } from "@/db/client";

export const dynamic = "force-dynamic";

/** Load balancers and uptime checks: 200 when the database answers, 503 when it does not. */
export async function GET() {
  const ok = await pingDatabase();
  return Response.json(
    { status: ok ? "ok" : "unavailable", database: { kind: databaseKind(), reachable: ok } },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}

import { insertBenchSnapshot } from "@/db/queries/bench-insert";
import { readJsonObject } from "@/server/api";

export const dynamic = "force-dynamic";

const COMPONENTS = ["brand", "people", "insights", "relationships"] as const;

/**
 * The snapshot API's floor for the load benchmark (npm run bench): a bare route handler of the same app doing one
 * insert of the same row into the same table (its triggers too), with no token, rate limit or validation. Off
 * (404) unless the server was started with BENCH_ROUTES=1, as the benchmark does; even then it writes only for
 * the benchmark's own throwaway writers (bench-writer-…@bench.test), in one statement.
 */
export async function POST(request: Request): Promise<Response> {
  if (process.env.BENCH_ROUTES !== "1") return new Response("Not found", { status: 404 });
  // Read within the API's own body limit, as the API does: a floor that reads no more than the route it measures.
  const b = await readJsonObject(request);
  if (b === "too_large") return Response.json({ error: "body too large" }, { status: 413 });
  if (!b || typeof b.userId !== "string" || typeof b.measuredOn !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(b.measuredOn) || COMPONENTS.some((k) => typeof b[k] !== "number")) {
    return Response.json({ error: "userId, measuredOn (YYYY-MM-DD) and the four components as numbers" }, { status: 400 });
  }
  const stored = await insertBenchSnapshot(b as { userId: string; measuredOn: string } & Record<(typeof COMPONENTS)[number], number>);
  return Response.json({ stored }, { status: stored ? 201 : 409 });
}

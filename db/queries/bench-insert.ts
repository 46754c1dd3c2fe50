// The bare insert route of the load benchmark (app/bench/insert: the snapshot API's floor, off unless
// BENCH_ROUTES=1). The rest of the benchmark's data lives beside it in scripts/bench-data.ts.
import { sql } from "drizzle-orm";
import { database, queryRows } from "../client";
import { snapshots, users } from "../schema";

/**
 * The bare insert of app/bench/insert (the API's floor): one statement, the same row into the same table as the
 * snapshot API, and only for a benchmark writer. False when nothing was inserted (not a writer, or the date taken).
 */
export async function insertBenchSnapshot(s: { userId: string; measuredOn: string; brand: number; people: number; insights: number; relationships: number }) {
  const db = await database();
  const total = Math.round((s.brand + s.people + s.insights + s.relationships) * 1000) / 1000;
  const rows = await queryRows<{ measured_on: string }>(
    db,
    sql`
    insert into ${snapshots} (user_id, measured_on, brand, people, insights, relationships, total, source)
    select id, ${s.measuredOn}::date, ${s.brand}, ${s.people}, ${s.insights}, ${s.relationships}, ${total}, 'bench'
    from ${users} where id = ${s.userId} and email like 'bench-writer-%@bench.test'
    on conflict (user_id, measured_on) do nothing
    returning measured_on`,
  );
  return rows.length > 0;
}

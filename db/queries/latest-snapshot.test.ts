import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { setupTestDatabase } from "../testing/test-db";
import { makeSnapshot, makeUser } from "../testing/factories";
import { queryRows } from "../client";
import { latestSnapshotSql } from "./latest-snapshot";

const t = setupTestDatabase();

describe(`latest snapshot lookup on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("finds the newest score at or before the date, inside the window or (for stale people) beyond it", async () => {
    const ana = await makeUser({ name: "Ana" });
    const ben = await makeUser({ name: "Ben" }); // never submitted
    for (const [date, total] of [["2025-01-01", 40], ["2025-02-01", 50], ["2025-02-20", 60], ["2025-03-01", 70]] as const) {
      await makeSnapshot(ana.id, date, total);
    }
    const latest = async (userId: string, asOf: string, windowDays: number) => {
      const rows = await queryRows<{ measured_on: string | null }>(t.db(), sql`
        select s.measured_on::text as measured_on from (select 1) one
        left join lateral (${latestSnapshotSql(sql`${userId}`, sql`${asOf}::date`, windowDays, sql`s.measured_on`)}) s on true`);
      return rows.map((r) => r.measured_on);
    };
    expect(await latest(ana.id, "2025-03-01", 7)).toEqual(["2025-03-01"]); // the day itself
    expect(await latest(ana.id, "2025-02-28", 14)).toEqual(["2025-02-20"]); // inside the window, not the later one
    expect(await latest(ana.id, "2025-02-19", 7)).toEqual(["2025-02-01"]); // 18 days back: found beyond the window
    expect(await latest(ana.id, "2025-01-31", 0)).toEqual(["2025-01-01"]);
    expect(await latest(ana.id, "2024-12-31", 7)).toEqual([null]); // nothing before the first score
    expect(await latest(ben.id, "2025-03-01", 7)).toEqual([null]);
  });
});

import { sql, type SQL } from "drizzle-orm";
import { database, queryRows } from "../client";
import type { CsvExportRow } from "@/lib/csv-snapshots";
import type { TeamAccess } from "@/lib/team-access";

const PAGE = 2000;

type Row = {
  email: string;
  name: string | null;
  measured_on: string;
  total: number;
  brand: number;
  people: number;
  insights: number;
  relationships: number;
  industry_rank: number | null;
  network_rank: number | null;
  industry_avg: number | null;
  network_avg: number | null;
};

/** Pages through snapshots matching `filter`, ordered by email then date, without holding them all in memory. */
async function* pagedSnapshots(filter: SQL): AsyncGenerator<CsvExportRow[]> {
  const db = await database();
  let after: { email: string; date: string } | null = null;
  for (;;) {
    const rows: Row[] = await queryRows<Row>(
      db,
      sql`select u.email, u.name, s.measured_on::text as measured_on,
                 s.total::float8 as total, s.brand::float8 as brand, s.people::float8 as people,
                 s.insights::float8 as insights, s.relationships::float8 as relationships,
                 s.industry_rank::float8 as industry_rank, s.network_rank::float8 as network_rank,
                 s.industry_avg::float8 as industry_avg, s.network_avg::float8 as network_avg
          from snapshots s join users u on u.id = s.user_id
          where ${filter} ${after ? sql`and (u.email, s.measured_on) > (${after.email}, ${after.date}::date)` : sql``}
          order by u.email, s.measured_on
          limit ${PAGE}`,
    );
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      email: r.email,
      name: r.name,
      measuredOn: r.measured_on,
      total: Number(r.total),
      brand: Number(r.brand),
      people: Number(r.people),
      insights: Number(r.insights),
      relationships: Number(r.relationships),
      industryRank: r.industry_rank === null ? null : Number(r.industry_rank),
      networkRank: r.network_rank === null ? null : Number(r.network_rank),
      industryAvg: r.industry_avg === null ? null : Number(r.industry_avg),
      networkAvg: r.network_avg === null ? null : Number(r.network_avg),
    }));
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1]!;
    after = { email: last.email, date: last.measured_on };
  }
}

/** The snapshots of the team's current members dated from `from` to `to` (inclusive), page by page. */
export function exportTeamSnapshots(access: TeamAccess, range: { from: string; to: string }) {
  return pagedSnapshots(
    sql`s.user_id in (select user_id from memberships where team_id = ${access.teamId})
        and s.measured_on between ${range.from}::date and ${range.to}::date`,
  );
}

/** All of one person's own snapshots, page by page. */
export function exportUserSnapshots(userId: string) {
  return pagedSnapshots(sql`s.user_id = ${userId}`);
}

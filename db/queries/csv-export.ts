import { sql, type SQL } from "drizzle-orm";
import { database, queryRows } from "../client";
import { ssiColumnsSql, ssiNumbers } from "./snapshot-fields";
import type { CsvExportRow } from "@/lib/csv-snapshots";
import type { SsiScoreKey } from "@/lib/ssi";
import type { TeamAccess } from "@/lib/team-access";

const PAGE = 2000;

type Row = Pick<CsvExportRow, "email" | "name" | "measuredOn"> & Record<SsiScoreKey, number | null>;

/** Pages through snapshots matching `filter`, ordered by email then date, without holding them all in memory. */
async function* pagedSnapshots(filter: SQL): AsyncGenerator<CsvExportRow[]> {
  const db = await database();
  let after: { email: string; date: string } | null = null;
  for (;;) {
    const rows: Row[] = await queryRows<Row>(
      db,
      sql`select u.email, u.name, ${ssiColumnsSql}
          from snapshots s join users u on u.id = s.user_id
          where ${filter} ${after ? sql`and (u.email, s.measured_on) > (${after.email}, ${after.date}::date)` : sql``}
          order by u.email, s.measured_on
          limit ${PAGE}`,
    );
    if (rows.length === 0) return;
    yield rows.map(ssiNumbers);
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1]!;
    after = { email: last.email, date: last.measuredOn };
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

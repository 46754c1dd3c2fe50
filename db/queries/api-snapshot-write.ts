// The snapshot API's accepted write as one statement: one round trip and one commit for the token check, the
// request's count against the token's rate limit and the new row. The floor it is measured against
// (db/queries/bench-insert.ts) is one statement too.
import { sql } from "drizzle-orm";
import { database, queryRowsPrepared } from "../client";
import { apiTokens, auditLog, memberships, snapshots, teamChannels, users } from "../schema";
import { touchAndCountSql } from "./api-tokens";
import { ssiColumnsSql, ssiNumbers, ssiValues } from "./snapshot-fields";
import type { SavedSnapshot } from "./snapshots";
import { SSI_SCORE_FIELDS } from "@/lib/ssi";
import type { SnapshotInput } from "@/lib/validation/snapshot";

export type ApiWriteOutcome =
  /** The token was revoked or its person deleted: nothing counted, nothing written. */
  | { kind: "revoked" }
  /** The person's time zone is no longer the one "today" was decided in: nothing counted, nothing written. */
  | { kind: "zone_changed" }
  /** The person is in a team whose channel takes highlights (written in a transaction): nothing counted or written. */
  | { kind: "needs_transaction" }
  /** Counted, over the limit: nothing written. */
  | { kind: "rate_limited"; retryAfter: number }
  /** Counted, not written: the date's row, which the insert found, was deleted before the replacement. Write it
   * in a transaction without counting again. */
  | { kind: "raced" }
  | { kind: "written"; replaced: boolean; saved: SavedSnapshot };

type Row = {
  zone_ok?: boolean;
  watching?: boolean;
  count?: number | null;
  reset_in?: number | null;
  enteredBy: string | null;
  updatedMs: number | null;
} & Record<(typeof SSI_SCORE_FIELDS)[number]["key"] | "measuredOn", unknown>;

const FIELDS = SSI_SCORE_FIELDS.map((f) => f.key);
const column = (key: (typeof SSI_SCORE_FIELDS)[number]["key"]) => sql.raw(`"${snapshots[key].name}"`);
const saved = sql`${ssiColumnsSql}, s.entered_by as "enteredBy", (extract(epoch from s.updated_at) * 1000)::float8 as "updatedMs"`;

/**
 * A person's own snapshot through the API, in one statement: the token re-checked (not revoked, still this
 * person's, and the person's time zone still `expectZone` when given), the request counted (and `last_used_at`
 * touched) as authenticateApiRequest does, then, within the limit, the row inserted. A date that already has a row
 * is then replaced by a second statement (replaceApiSnapshot): a replacement is two commits, the first of which
 * wrote only the count. The common path carries no update on purpose: an UPDATE in the statement, even of no row,
 * fires the snapshots' statement-level trigger a second time (the team data versions and the rollup's weeks), which
 * costs about as much as the insert itself. A person in a team whose channel takes highlights counts nothing here:
 * that write needs the transaction of upsertSnapshotAdmitted, which then counts the request.
 */
export async function writeApiSnapshot(
  who: { tokenId: string; userId: string; expectZone?: string | null },
  input: SnapshotInput,
  opts: { teamId: string | null; limit: number; windowSeconds: number },
): Promise<ApiWriteOutcome> {
  const db = await database();
  const { userId } = who;
  const values = ssiValues(input);
  const zoneOk = who.expectZone === undefined ? sql`true` : sql`u.time_zone is not distinct from ${who.expectZone}`;
  const [row] = await queryRowsPrepared<Row>(
    db,
    sql`
    with state as (
      select t.id as token_id, t.last_used_at, ${zoneOk} as zone_ok,
        exists (select 1 from ${memberships} m join ${teamChannels} c on c.team_id = m.team_id and c.highlights_enabled
                where m.user_id = u.id) as watching
      from ${apiTokens} t join ${users} u on u.id = t.user_id
      where t.id = ${who.tokenId} and t.user_id = ${userId} and t.revoked_at is null
    ),
    tok as (select token_id, last_used_at from state where zone_ok and not watching),
    ${touchAndCountSql(opts.windowSeconds)},
    inserted as (
      insert into ${snapshots} as s (user_id, measured_on, ${sql.join(FIELDS.map(column), sql`, `)}, entered_by, source)
      select ${userId}, ${input.measuredOn}::date, ${sql.join(FIELDS.map((k) => sql`${values[k]}::numeric`), sql`, `)}, null, 'api'
      from counted where counted.count <= ${opts.limit}
      on conflict (user_id, measured_on) do nothing
      returning ${saved}
    )
    select st.zone_ok, st.watching, c.count, c.reset_in, w.*
    from state st left join counted c on true left join inserted w on true`,
  );
  if (!row) return { kind: "revoked" };
  if (!row.zone_ok) return { kind: "zone_changed" };
  if (row.watching) return { kind: "needs_transaction" };
  if (row.count == null) throw new Error("writeApiSnapshot: a valid token was not counted");
  if (row.count > opts.limit) return { kind: "rate_limited", retryAfter: row.reset_in ?? opts.windowSeconds };
  if (row.updatedMs !== null) return { kind: "written", replaced: false, saved: savedOf(row) };
  const replaced = await replaceApiSnapshot(userId, input, opts.teamId);
  return replaced ? { kind: "written", replaced: true, saved: replaced } : { kind: "raced" };
}

/**
 * The second statement of an API replacement (the request was counted by the first): the previous total read
 * `for update`, the row updated and the `snapshot.replace` audit row written. Null when the row is gone (deleted
 * since the insert found it).
 */
async function replaceApiSnapshot(userId: string, input: SnapshotInput, teamId: string | null): Promise<SavedSnapshot | null> {
  const db = await database();
  const values = ssiValues(input);
  const [row] = await queryRowsPrepared<Row>(
    db,
    sql`
    with prev as (
      select total from ${snapshots} where user_id = ${userId} and measured_on = ${input.measuredOn}::date for update
    ),
    updated as (
      update ${snapshots} as s
      set ${sql.join(FIELDS.map((k) => sql`${column(k)} = ${values[k]}::numeric`), sql`, `)}, entered_by = null, source = 'api', updated_at = now()
      where s.user_id = ${userId} and s.measured_on = ${input.measuredOn}::date and exists (select 1 from prev)
      returning ${saved}
    ),
    audited as (
      insert into ${auditLog} (team_id, actor_id, subject_id, action, details)
      select ${teamId}, ${userId}, ${userId}, 'snapshot.replace',
        jsonb_build_object('measuredOn', ${input.measuredOn}::text, 'total', ${input.total}::float8, 'previousTotal', prev.total::float8)
      from prev where exists (select 1 from updated)
    )
    select * from updated`,
  );
  return row ? savedOf(row) : null;
}

function savedOf(row: Row): SavedSnapshot {
  const { zone_ok: _z, watching: _w, count: _c, reset_in: _r, enteredBy, updatedMs, ...ssi } = row;
  const scores = ssiNumbers(ssi as Parameters<typeof ssiNumbers>[0]) as Omit<SavedSnapshot, "enteredBy" | "updatedAt">;
  return { ...scores, enteredBy, updatedAt: new Date(Number(updatedMs)) };
}

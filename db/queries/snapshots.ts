import { and, desc, eq, gte, sql } from "drizzle-orm";
import { database, type Db, type Tx } from "../client";
import { snapshots, users, type Snapshot, type User } from "../schema";
import { writeAudit } from "./audit";
import { listTeamsWatchingHighlights, readHighlightBaseline, recordHighlights } from "./channel-highlights";
import { ssiColumns, ssiValues } from "./snapshot-fields";
import type { SsiFieldKey } from "@/lib/ssi";
import type { SnapshotInput } from "@/lib/validation/snapshot";

const snapshotFields = {
  ...ssiColumns,
  enteredBy: snapshots.enteredBy,
  enteredByName: users.name,
  updatedAt: snapshots.updatedAt,
};
/** The stored row as the writer sees it (no join for the name of who entered it). */
const { enteredByName: _name, ...savedFields } = snapshotFields;
export type SavedSnapshot = Omit<SnapshotRow, "enteredByName">;

export type SnapshotRow = Pick<Snapshot, SsiFieldKey | "enteredBy" | "updatedAt"> & { enteredByName: User["name"] };

/**
 * Records a person's SSI for a date; an existing snapshot for that date is replaced (and the replacement
 * audited). `enteredBy` is set when a manager enters it for a member, with the team for the audit trail.
 */
export async function upsertSnapshot(
  userId: string,
  input: SnapshotInput,
  opts: WriteOptions = { actorId: userId },
): Promise<{ replaced: boolean; saved: SavedSnapshot }> {
  return (await writeSnapshot(userId, input, opts))!;
}

type WriteOptions = { actorId: string; teamId?: string | null; source?: string };

/**
 * upsertSnapshot with an admission check in the same transaction: `admit` runs first on the transaction (the
 * API counts the request against its token's rate limit there) and the snapshot is written only when it returns
 * true, so an accepted write is one commit: the count, the row, and its audit and highlights when there are any.
 * Null when `admit` refused: what `admit` wrote (the count) is committed, nothing else.
 */
export async function upsertSnapshotAdmitted(
  userId: string,
  input: SnapshotInput,
  opts: WriteOptions,
  admit: (tx: Tx) => Promise<boolean>,
): Promise<{ replaced: boolean; saved: SavedSnapshot } | null> {
  return writeSnapshot(userId, input, opts, admit);
}

async function writeSnapshot(
  userId: string,
  input: SnapshotInput,
  opts: WriteOptions,
  admit?: (tx: Tx) => Promise<boolean>,
): Promise<{ replaced: boolean; saved: SavedSnapshot } | null> {
  const db = await database();
  const byManager = opts.actorId !== userId;
  const values = {
    ...ssiValues(input),
    enteredBy: byManager ? opts.actorId : null,
    source: opts.source ?? "form",
  };
  // The row for a new date, or nothing when the person already has one for it.
  const insertNew = (q: Db | Tx) =>
    q
      .insert(snapshots)
      .values({ userId, measuredOn: input.measuredOn, ...values })
      .onConflictDoNothing({ target: [snapshots.userId, snapshots.measuredOn] })
      .returning(savedFields);
  // Teams whose Slack/Teams channel posts highlights: the write then also records them, in its transaction.
  const watching = await listTeamsWatchingHighlights(db, userId);
  if (!admit && !byManager && watching.length === 0) {
    // A person's own score for a new date is one statement, committed alone: nothing else is written for it.
    // Only a replacement (or a manager's entry, which is audited) needs the transaction below, which tries the
    // insert again and, finding the row, takes the update path.
    const [saved] = await insertNew(db);
    if (saved) return { replaced: false, saved };
  }
  return db.transaction(async (tx) => {
    if (admit && !(await admit(tx))) return null;
    const baseline = watching.length ? await readHighlightBaseline(tx, userId, input.measuredOn, watching) : null;
    // Insert first: a concurrent save of the same date then waits for ours to commit and takes the update path,
    // so a replacement is always noticed and audited (a SELECT … FOR UPDATE of a row that doesn't exist yet locks nothing).
    const inserted = await insertNew(tx);
    let previousTotal: number | null = null;
    let saved = inserted[0];
    if (!saved) {
      const [previous] = await tx
        .select({ total: snapshots.total })
        .from(snapshots)
        .where(and(eq(snapshots.userId, userId), eq(snapshots.measuredOn, input.measuredOn)))
        .for("update");
      previousTotal = previous?.total ?? null;
      [saved] = await tx
        .update(snapshots)
        .set({ ...values, updatedAt: sql`now()` })
        .where(and(eq(snapshots.userId, userId), eq(snapshots.measuredOn, input.measuredOn)))
        .returning(savedFields);
    }
    const replaced = inserted.length === 0;
    if (replaced || byManager) {
      await writeAudit(tx, {
        teamId: opts.teamId ?? null,
        actorId: opts.actorId,
        subjectId: userId,
        action: byManager ? "snapshot.enter_for_member" : "snapshot.replace",
        details: { measuredOn: input.measuredOn, total: input.total, previousTotal },
      });
    }
    if (baseline) await recordHighlights(tx, userId, saved!, baseline);
    return { replaced, saved: saved! };
  });
}

/** A person's snapshots, newest first. */
export async function listSnapshotsForUser(userId: string, opts: { limit?: number; since?: string } = {}): Promise<SnapshotRow[]> {
  const db = await database();
  return db
    .select(snapshotFields)
    .from(snapshots)
    .leftJoin(users, eq(users.id, snapshots.enteredBy))
    .where(and(eq(snapshots.userId, userId), opts.since ? gte(snapshots.measuredOn, opts.since) : undefined))
    .orderBy(desc(snapshots.measuredOn))
    .limit(opts.limit ?? 100);
}

/** One snapshot of a person, or null. */
export async function getSnapshot(userId: string, measuredOn: string): Promise<SnapshotRow | null> {
  const db = await database();
  const [row] = await db
    .select(snapshotFields)
    .from(snapshots)
    .leftJoin(users, eq(users.id, snapshots.enteredBy))
    .where(and(eq(snapshots.userId, userId), eq(snapshots.measuredOn, measuredOn)));
  return row ?? null;
}

/** Deletes a person's snapshot for a date (audited); false when there was none. */
export async function deleteSnapshot(userId: string, measuredOn: string, opts: { actorId: string; teamId?: string | null }) {
  const db = await database();
  return db.transaction(async (tx) => {
    const rows = await tx
      .delete(snapshots)
      .where(and(eq(snapshots.userId, userId), eq(snapshots.measuredOn, measuredOn)))
      .returning({ total: snapshots.total });
    if (rows.length === 0) return false;
    await writeAudit(tx, {
      teamId: opts.teamId ?? null,
      actorId: opts.actorId,
      subjectId: userId,
      action: "snapshot.delete",
      details: { measuredOn, total: rows[0]!.total },
    });
    return true;
  });
}

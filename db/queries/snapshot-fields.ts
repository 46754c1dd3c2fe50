// The SSI fields of lib/ssi.ts as the queries select and write them, so no query lists them again.
import { sql } from "drizzle-orm";
import { snapshots, type Snapshot } from "../schema";
import { SSI_FIELDS, SSI_SCORE_FIELDS, type SsiFieldKey, type SsiScoreKey } from "@/lib/ssi";
import type { SnapshotInput } from "@/lib/validation/snapshot";

/** The snapshot's fields, as a Drizzle select list. */
export const ssiColumns = Object.fromEntries(SSI_FIELDS.map((f) => [f.key, snapshots[f.key]])) as {
  [K in SsiFieldKey]: (typeof snapshots)[K];
};

/**
 * The same for raw SQL over `snapshots s`, each under its key: the date as text, the numbers as float8 (postgres.js
 * returns numeric as text). Read the rows with `ssiNumbers`.
 */
export const ssiColumnsSql = sql.raw(
  SSI_FIELDS.map((f) => `s.${snapshots[f.key].name}::${f.kind === "date" ? "text" : "float8"} as "${f.key}"`).join(", "),
);

/** A raw row's scores as numbers (a driver may hand float8 back as text), nulls kept. */
export function ssiNumbers<T extends Record<SsiScoreKey, unknown>>(row: T): Omit<T, SsiScoreKey> & Pick<Snapshot, SsiScoreKey> {
  const out: Record<string, unknown> = { ...row };
  for (const f of SSI_SCORE_FIELDS) out[f.key] = row[f.key] === null ? null : Number(row[f.key]);
  return out as Omit<T, SsiScoreKey> & Pick<Snapshot, SsiScoreKey>;
}

/** The scores of a validated input, as stored: what was left out is null. */
export function ssiValues(input: SnapshotInput): Pick<Snapshot, SsiScoreKey> {
  return Object.fromEntries(SSI_SCORE_FIELDS.map((f) => [f.key, input[f.key] ?? null])) as Pick<Snapshot, SsiScoreKey>;
}

/** `set` for an upsert that takes every score from the row it was refused for. */
export const ssiExcluded = Object.fromEntries(SSI_SCORE_FIELDS.map((f) => [f.key, sql.raw(`excluded.${snapshots[f.key].name}`)]));

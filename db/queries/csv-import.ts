import { and, eq, inArray, sql } from "drizzle-orm";
import { database, queryRows, type Db, type Tx } from "../client";
import { memberships, snapshots, users } from "../schema";
import { writeAudit } from "./audit";
import { saveImportMapping } from "./import-mappings";
import type { SavedMapping } from "@/lib/import-mapping";
import { csvRecordToInput, type CsvRecord } from "@/lib/csv-snapshots";
import { ssiColumnsSql, ssiExcluded, ssiNumbers, ssiValues } from "./snapshot-fields";
import { round3, SSI_SCORE_KEYS, type SsiScoreKey } from "@/lib/ssi";
import type { TeamAccess } from "@/lib/team-access";
import { snapshotInputSchema, type SnapshotInput } from "@/lib/validation/snapshot";
import { hasControlChars } from "@/lib/validation/text";
import type { ImportStatus } from "@/lib/validation/csv-import";

export type { ImportStatus } from "@/lib/validation/csv-import";

export type ImportRow = {
  line: number;
  email: string;
  /** The name the row gave, when it names the person rather than giving their email. */
  name: string;
  measuredOn: string;
  total: number | null;
  status: ImportStatus;
  errors: string[];
  userId?: string;
  input?: SnapshotInput;
};

/** How rows name their person (email unless a mapped sheet says name), and the mapping to keep for next time. */
export type ImportOptions = { personBy?: "email" | "name"; saveMapping?: SavedMapping };

export type ImportPreview = { rows: ImportRow[]; counts: Record<ImportStatus, number> };

export const IMPORT_MESSAGES = {
  noEmail: "No email given.",
  noName: "No name given.",
  noNameMatch: (name: string) => `No member of this team is named “${name}”: check the spelling, or use their email address.`,
  severalNamed: (name: string, n: number) => `${n} members of this team are named “${name}”: use their email address instead.`,
  /**
   * Also for an address nobody has: telling the two apart would let anyone who creates a team probe which
   * addresses have accounts, thousands per upload.
   */
  notMember: "No member of this team has this email address.",
  duplicate: (line: number) => `The same person and date as line ${line}: only the first is imported.`,
} as const;

const CHUNK = 1000;
const chunks = <T>(xs: T[], n = CHUNK) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

const nameKey = (name: string) => name.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();

/** Validates and classifies every row against the team and the stored snapshots, reading with `db`. */
async function classify(db: Db | Tx, access: TeamAccess, records: CsvRecord[], today: string, opts: ImportOptions): Promise<ImportPreview> {
  const schema = snapshotInputSchema(today);
  const byName = opts.personBy === "name";
  const rows: ImportRow[] = records.map((r) => {
    const parsed = schema.safeParse(csvRecordToInput(r));
    const email = byName ? "" : (r.email ?? "").toLowerCase();
    const name = byName ? (r.name ?? "").replace(/\s+/g, " ").trim() : "";
    const errors = [...(r.problems ?? []), ...(parsed.success ? [] : parsed.error.issues.map((i) => i.message))];
    if (!email && !name) errors.unshift(byName ? IMPORT_MESSAGES.noName : IMPORT_MESSAGES.noEmail);
    return {
      line: r.line,
      email,
      name,
      measuredOn: r.measured_on ?? "",
      total: parsed.success ? parsed.data.total : null,
      status: errors.length ? "error" : "insert",
      errors,
      input: parsed.success ? parsed.data : undefined,
    };
  });

  // Which of these emails belong to members of this team. Only members are looked up: whether an address has an
  // account elsewhere is none of this team's business (the same message, the same query, either way).
  // Only what could be an address is looked up: a NUL would make PostgreSQL refuse the whole query.
  const emails = [...new Set(rows.map((r) => r.email).filter((e) => e && e.length <= 254 && !hasControlChars(e)))];
  const members = new Map<string, string>();
  for (const part of chunks(emails)) {
    const found = await db
      .select({ userId: users.id, email: users.email })
      .from(users)
      .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.teamId, access.teamId)))
      .where(inArray(users.email, part));
    for (const f of found) members.set(f.email, f.userId);
  }

  // Names must match exactly one member (case and spacing aside): two people called the same are not guessed at.
  const named = new Map<string, string[]>();
  if (byName) {
    const all = await db
      .select({ userId: memberships.userId, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.teamId, access.teamId));
    for (const m of all) {
      if (!m.name) continue;
      const key = nameKey(m.name);
      named.set(key, [...(named.get(key) ?? []), m.userId]);
    }
  }

  const seen = new Map<string, number>();
  for (const r of rows) {
    if (r.email) {
      const userId = members.get(r.email);
      if (!userId) r.errors.unshift(IMPORT_MESSAGES.notMember);
      else r.userId = userId;
    } else if (r.name) {
      const ids = named.get(nameKey(r.name)) ?? [];
      if (ids.length === 1) r.userId = ids[0];
      else r.errors.unshift(ids.length === 0 ? IMPORT_MESSAGES.noNameMatch(r.name) : IMPORT_MESSAGES.severalNamed(r.name, ids.length));
    } else continue;
    if (r.input && r.userId) {
      const key = `${r.userId}|${r.input.measuredOn}`;
      const first = seen.get(key);
      if (first !== undefined) r.errors.push(IMPORT_MESSAGES.duplicate(first));
      else seen.set(key, r.line);
    }
    if (r.errors.length) r.status = "error";
  }

  // What is stored already for the valid rows' person and date: replace when it differs, unchanged when not.
  const valid = rows.filter((r) => r.status !== "error");
  for (const part of chunks(valid)) {
    const pairs = JSON.stringify(part.map((r) => ({ user_id: r.userId, measured_on: r.input!.measuredOn })));
    const existing = await queryRows<Record<SsiScoreKey, number | null> & { user_id: string; measuredOn: string }>(
      db,
      sql`select s.user_id, ${ssiColumnsSql}
          from json_to_recordset(${pairs}::json) as p(user_id text, measured_on date)
          join snapshots s on s.user_id = p.user_id and s.measured_on = p.measured_on`,
    );
    const stored = new Map(existing.map((e) => [`${e.user_id}|${e.measuredOn}`, ssiNumbers(e)]));
    for (const r of part) {
      const old = stored.get(`${r.userId}|${r.input!.measuredOn}`);
      if (!old) continue;
      const same = SSI_SCORE_KEYS.every((f) => {
        const a = old[f] === null ? null : round3(old[f]);
        const b = r.input![f] ?? null;
        return a === (b === null ? null : round3(b));
      });
      r.status = same ? "unchanged" : "replace";
    }
  }

  const counts: Record<ImportStatus, number> = { insert: 0, replace: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.status]++;
  return { rows, counts };
}

/** What importing these CSV rows into the team would do, row by row; writes nothing. */
export async function previewSnapshotImport(access: TeamAccess, records: CsvRecord[], today: string, opts: ImportOptions = {}): Promise<ImportPreview> {
  return classify(await database(), access, records, today, opts);
}

/**
 * Imports the valid rows in one transaction (re-checked inside it): new dates inserted, differing ones replaced,
 * identical ones left alone; each row marked as entered by the manager (unless it is their own), each affected
 * member audited once. Re-importing the same file therefore changes nothing.
 */
export async function applySnapshotImport(access: TeamAccess, records: CsvRecord[], today: string, opts: ImportOptions = {}): Promise<ImportPreview> {
  const db = await database();
  return db.transaction(async (tx) => {
    const preview = await classify(tx, access, records, today, opts);
    if (opts.saveMapping) await saveImportMapping(tx, access, opts.saveMapping);
    const writes = preview.rows.filter((r) => r.status === "insert" || r.status === "replace");
    for (const part of chunks(writes, 500)) {
      await tx
        .insert(snapshots)
        .values(
          part.map((r) => ({
            userId: r.userId!,
            measuredOn: r.input!.measuredOn,
            ...ssiValues(r.input!),
            enteredBy: r.userId === access.userId ? null : access.userId,
            source: "csv",
          })),
        )
        .onConflictDoUpdate({
          target: [snapshots.userId, snapshots.measuredOn],
          set: {
            ...ssiExcluded,
            enteredBy: sql`excluded.entered_by`,
            source: sql`excluded.source`,
            updatedAt: sql`now()`,
          },
        });
    }
    const perMember = new Map<string, { inserted: number; replaced: number; dates: string[] }>();
    for (const r of writes) {
      const m = perMember.get(r.userId!) ?? { inserted: 0, replaced: 0, dates: [] };
      if (r.status === "insert") m.inserted++;
      else m.replaced++;
      if (m.dates.length < 20) m.dates.push(r.input!.measuredOn);
      perMember.set(r.userId!, m);
    }
    for (const [userId, m] of perMember) {
      await writeAudit(tx, { teamId: access.teamId, actorId: access.userId, subjectId: userId, action: "snapshot.import", details: { source: "csv", ...m } });
    }
    return preview;
  });
}

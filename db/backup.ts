// Backups of the embedded database: PGlite's own dump of its data directory (a gzipped tarball), taken and restored
// while no server has the directory open. On PostgreSQL, pg_dump/pg_restore do this job (see the README).
import fs from "node:fs";
import path from "node:path";
import { openDatabase, type Db } from "./client";
import { lockDataDir } from "./pglite-lock";
import { snapshots, teams, users } from "./schema";

/** What a backup or restore found in the database: enough for a person to see it is theirs. */
export type BackupSummary = { file: string; bytes: number; people: number; teams: number; snapshots: number };

async function countRows(db: Db) {
  const [people, teamCount, snapshotCount] = await Promise.all([db.$count(users), db.$count(teams), db.$count(snapshots)]);
  return { people, teams: teamCount, snapshots: snapshotCount };
}

type PGliteClient = import("@electric-sql/pglite").PGlite;
const clientOf = (db: Db) => (db as unknown as { $client: PGliteClient }).$client;

/**
 * Writes a dump of the embedded database in `dir` to `file`. Refuses (DatabaseLockedError) while another process,
 * such as a running server, has the directory open: a copy taken under a live writer would be torn.
 */
export async function backupEmbedded(dir: string, file: string): Promise<BackupSummary> {
  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) throw new Error(`There is no embedded database at ${path.resolve(dir)}.`);
  const release = lockDataDir(dir);
  try {
    const handle = await openDatabase({ pgliteDir: dir, migrate: false });
    try {
      await handle.ready;
      const counts = await countRows(handle.db);
      const dump = await clientOf(handle.db).dumpDataDir("gzip");
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      // Written beside the target and renamed: a failed backup never leaves a half file under the chosen name.
      const partial = `${file}.partial`;
      fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(partial, file);
      return { file, bytes: fs.statSync(file).size, ...counts };
    } finally {
      await handle.close();
    }
  } finally {
    release();
  }
}

/**
 * Restores a dump made by backupEmbedded into `dir`, which must not hold a database yet (nothing is overwritten),
 * then applies any migrations newer than the backup, so a backup from an older version opens in this one.
 */
export async function restoreEmbedded(file: string, dir: string): Promise<BackupSummary> {
  if (!fs.existsSync(file)) throw new Error(`No backup file at ${path.resolve(file)}.`);
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new Error(`${path.resolve(dir)} is not empty. Restore into a new directory (set PGLITE_DIR), or move the current database aside first.`);
  }
  const release = lockDataDir(dir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const loaded = new PGlite(path.resolve(dir), { loadDataDir: new Blob([fs.readFileSync(file)]) });
    try {
      await loaded.waitReady;
    } catch (err) {
      await loaded.close().catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
      throw new Error(`${path.resolve(file)} is not a backup of the embedded database (${(err as Error).message}).`);
    }
    await loaded.close();
    const handle = await openDatabase({ pgliteDir: dir }); // migrates forward
    try {
      await handle.ready;
      return { file, bytes: fs.statSync(file).size, ...(await countRows(handle.db)) };
    } finally {
      await handle.close();
    }
  } finally {
    release();
  }
}

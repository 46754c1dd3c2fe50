// npm run db:backup -- <file>    a copy of the embedded database (stop the app first)
// npm run db:restore -- <file>   that copy into PGLITE_DIR, which must not hold a database yet
// On PostgreSQL (DATABASE_URL set) both point to pg_dump / pg_restore instead: see the README.
import { backupEmbedded, restoreEmbedded, type BackupSummary } from "../db/backup";
import { env, EnvError } from "../lib/env";

const [mode, file] = process.argv.slice(2);
const say = (s: BackupSummary, verb: string) =>
  console.log(`${verb} ${s.file} (${(s.bytes / 1024 / 1024).toFixed(1)} MB): ${s.people} people, ${s.teams} teams, ${s.snapshots} snapshots.`);

try {
  const e = env();
  if (mode !== "backup" && mode !== "restore") throw new Error("usage: db-backup.ts backup|restore <file>");
  if (!file) throw new Error(`Name the backup file: npm run db:${mode} -- <file>, e.g. npm run db:${mode} -- backups/ssi-$(date +%F).tar.gz`);
  if (e.DATABASE_URL) {
    throw new Error(
      mode === "backup"
        ? `DATABASE_URL is set: back up PostgreSQL with pg_dump, e.g. pg_dump --format=custom --file=${file} "$DATABASE_URL" (see the README).`
        : `DATABASE_URL is set: restore PostgreSQL with pg_restore, e.g. pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" ${file} (see the README).`,
    );
  }
  if (mode === "backup") say(await backupEmbedded(e.PGLITE_DIR, file), "Backed up the embedded database to");
  else say(await restoreEmbedded(file, e.PGLITE_DIR), `Restored into ${e.PGLITE_DIR} from`);
} catch (err) {
  // Every expected failure (bad configuration, a running server, a wrong file) is an Error with a sentence for people.
  console.error(err instanceof EnvError || err instanceof Error ? err.message : err);
  process.exit(1);
}

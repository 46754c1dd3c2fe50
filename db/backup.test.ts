import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { memberships, snapshots, teams, users } from "./schema";

const root = path.resolve(import.meta.dirname, "..");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "ssi-backup-test-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** `npm run db:backup|db:restore -- <file>` as an administrator runs it, on the embedded database in `dir`. */
function cli(mode: "backup" | "restore", file: string, dir: string, extraEnv: Record<string, string> = {}) {
  const { DATABASE_URL: _embedded, ...inherited } = process.env;
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/db-backup.ts", mode, file], {
    cwd: root,
    env: { ...inherited, PGLITE_DIR: dir, ...extraEnv },
    encoding: "utf8",
    timeout: 60_000,
  });
}

const readSnapshots = (db: Awaited<ReturnType<typeof openDatabase>>["db"]) =>
  db.select({ on: snapshots.measuredOn, total: snapshots.total, brand: snapshots.brand }).from(snapshots).orderBy(asc(snapshots.measuredOn));

// Embedded-only by nature (it sets its own PGLITE_DIR): the PostgreSQL pass of npm test would only repeat it.
describe.skipIf(!!process.env.DATABASE_URL)("db:backup and db:restore of the embedded database", () => {
  const live = path.join(work, "live");
  const file = path.join(work, "backups", "ssi.tar.gz");

  it("refuses while a server holds the database, then backs up and restores every snapshot", async () => {
    const server = await openDatabase({ pgliteDir: live });
    await server.ready;
    const [u] = await server.db.insert(users).values({ name: "Rita Rep", email: "rita@backup.test" }).returning();
    const [t] = await server.db.insert(teams).values({ name: "Backup Team", slug: "backup-team" }).returning();
    await server.db.insert(memberships).values({ teamId: t!.id, userId: u!.id, role: "owner" });
    await server.db.insert(snapshots).values([
      { userId: u!.id, measuredOn: "2026-10-01", brand: 10, people: 11, insights: 12, relationships: 13, total: 46 },
      { userId: u!.id, measuredOn: "2026-11-01", brand: 18.52, people: 12, insights: 14.5, relationships: 15, total: 60.02 },
    ]);
    const before = await readSnapshots(server.db);

    const refused = cli("backup", file, live);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("is already open in another process");
    expect(fs.existsSync(file)).toBe(false);
    await server.close();

    const backup = cli("backup", file, live);
    expect(backup.stderr).toBe("");
    expect(backup.stdout).toContain("1 people, 1 teams, 2 snapshots.");
    expect(fs.statSync(file).size).toBeGreaterThan(1000);

    const fresh = path.join(work, "restored");
    const restore = cli("restore", file, fresh);
    expect(restore.stdout).toContain("1 people, 1 teams, 2 snapshots.");
    const restored = await openDatabase({ pgliteDir: fresh });
    await restored.ready;
    expect(await readSnapshots(restored.db)).toEqual(before);
    expect((await restored.db.select({ email: users.email }).from(users))[0]?.email).toBe("rita@backup.test");
    await restored.close();
  }, 180_000); // three database opens and three CLI runs: slow on a busy machine

  it("never restores over an existing database, and says what to do instead", () => {
    const r = cli("restore", file, live);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("is not empty. Restore into a new directory (set PGLITE_DIR)");
  });

  it("refuses a file that is not a backup, leaving no half-made database", () => {
    const bogus = path.join(work, "not-a-backup.tar.gz");
    fs.writeFileSync(bogus, "hello");
    const target = path.join(work, "from-bogus");
    const r = cli("restore", bogus, target);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("is not a backup of the embedded database");
    expect(fs.existsSync(target)).toBe(false);
  });

  it("on PostgreSQL points to pg_dump and pg_restore instead of touching anything", () => {
    const r = cli("backup", path.join(work, "pg.dump"), live, { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("back up PostgreSQL with pg_dump");
    expect(fs.existsSync(path.join(work, "pg.dump"))).toBe(false);
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { installDatabase, MIGRATIONS_DIR, openDatabase, type Db } from "./client";
import { getTeamLeaderboard } from "./queries/leaderboard";
import { memberships, snapshots, teams, users } from "./schema";
import { adminUrl, databaseUrlFor } from "./testing/pg-urls";
import { grantTeamAccess } from "@/lib/team-access";

// A database made by the first release (migration 0000 only) and filled the way that release wrote it, then
// opened by this release: every later migration must apply on top and keep every row.
const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8"));
const firstSet = fs.mkdtempSync(path.join(os.tmpdir(), "ssi-first-migrations-"));
fs.mkdirSync(path.join(firstSet, "meta"));
fs.writeFileSync(path.join(firstSet, "meta", "_journal.json"), JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));
fs.copyFileSync(path.join(MIGRATIONS_DIR, `${journal.entries[0].tag}.sql`), path.join(firstSet, `${journal.entries[0].tag}.sql`));
afterAll(() => fs.rmSync(firstSet, { recursive: true, force: true }));

const OLD_DATA = `
  insert into users (id, name, email, password_hash) values ('u1', 'Olga Old', 'olga@old.test', 'x'), ('u2', 'Piet Past', 'piet@old.test', 'x');
  insert into teams (id, name, slug, time_zone) values ('t1', 'Old Team', 'old-team', 'Europe/Berlin');
  insert into memberships (team_id, user_id, role) values ('t1', 'u1', 'owner'), ('t1', 'u2', 'member');
  insert into snapshots (user_id, measured_on, brand, people, insights, relationships, total, industry_rank)
    values ('u1', current_date - 2, 20, 18, 15, 12.5, 65.5, 4), ('u2', current_date - 1, 10, 10, 10, 10, 40, null),
           ('u1', current_date - 30, 18, 17, 14, 11, 60, 6);`;

async function checkUpgraded(db: Db) {
  const rows = await db.select({ user: snapshots.userId, total: snapshots.total }).from(snapshots).orderBy(asc(snapshots.userId), asc(snapshots.measuredOn));
  expect(rows).toEqual([{ user: "u1", total: 60 }, { user: "u1", total: 65.5 }, { user: "u2", total: 40 }]);
  expect(await db.$count(memberships, eq(memberships.teamId, "t1"))).toBe(2);
  const [team] = await db.select({ id: teams.id, name: teams.name }).from(teams);
  const { todayInZone } = await import("@/lib/dates");
  const board = await getTeamLeaderboard(grantTeamAccess(team!.id, "u1", "owner"), { asOf: todayInZone("Europe/Berlin"), by: "total", staleDays: 14 });
  expect(board.entries.map((r) => [r.name, r.rank, r.total])).toEqual([["Olga Old", 1, 65.5], ["Piet Past", 2, 40]]);
  expect((await db.select({ email: users.email }).from(users).where(eq(users.id, "u2")))[0]?.email).toBe("piet@old.test");
}

/** Opens the old database the way this release's server does (migrating on open), as the app's database, and checks it. */
async function openWithThisRelease(where: { url?: string; pgliteDir?: string }) {
  const handle = await openDatabase(where);
  await handle.ready;
  installDatabase(handle);
  try {
    await checkUpgraded(handle.db);
  } finally {
    installDatabase(undefined);
    await handle.close();
  }
}

describe("an older database migrates forward with its data intact", () => {
  it.skipIf(!!process.env.DATABASE_URL)("on the embedded database", async () => {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const client = new PGlite();
    const old = drizzle(client, { casing: "snake_case" });
    await migrate(old, { migrationsFolder: firstSet });
    await client.exec(OLD_DATA);
    const dump = await client.dumpDataDir("none");
    await client.close();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ssi-upgrade-"));
    try {
      const reopened = new PGlite(path.join(dir, "db"), { loadDataDir: dump });
      await reopened.waitReady;
      await reopened.close();
      await openWithThisRelease({ pgliteDir: path.join(dir, "db") });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it.skipIf(!process.env.DATABASE_URL)("on PostgreSQL", async () => {
    const url = process.env.DATABASE_URL!;
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const admin = postgres(adminUrl(url), { max: 1, onnotice: () => {} });
    const name = `ssi_t_${process.ppid}_${process.pid}_upgrade`;
    await admin.unsafe(`create database "${name}"`);
    try {
      const oldClient = postgres(databaseUrlFor(url, name), { max: 1, onnotice: () => {} });
      await migrate(drizzle(oldClient, { casing: "snake_case" }), { migrationsFolder: firstSet });
      await oldClient.unsafe(OLD_DATA);
      await oldClient.end();
      await openWithThisRelease({ url: databaseUrlFor(url, name) });
    } finally {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  }, 120_000);
});

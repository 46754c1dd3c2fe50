import fs from "node:fs";
import { afterAll, beforeAll, inject } from "vitest";
import { openDatabase, installDatabase, type DatabaseHandle, type Db } from "../client";
import * as schema from "../schema";
import { adminUrl, databaseUrlFor } from "./pg-urls";

let handle: DatabaseHandle | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

/** Opens this test file's private, migrated database: PGlite by default, PostgreSQL when DATABASE_URL is set. */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const template = inject("pgTemplate");
  const url = process.env.DATABASE_URL;
  if (template && url) {
    const name = `ssi_t_${process.ppid}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const { default: postgres } = await import("postgres");
    const admin = postgres(adminUrl(url), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}" template "${template}"`);
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    };
    return openDatabase({ url: databaseUrlFor(url, name), migrate: false });
  }
  const dumpFile = inject("pgliteDump");
  if (!dumpFile) throw new Error("The vitest global setup did not prepare a database.");
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const client = new PGlite({ loadDataDir: new Blob([fs.readFileSync(dumpFile)]) });
  await client.waitReady;
  const db = drizzle(client, { schema, casing: "snake_case" }) as unknown as Db;
  return { db, kind: "pglite", ready: Promise.resolve(), close: () => client.close() };
}

/** Call at the top of an integration test file: installs a private database as the app's database. */
export function setupTestDatabase(): { db: () => Db; kind: () => DatabaseHandle["kind"] } {
  beforeAll(async () => {
    handle = await openTestDatabase();
    installDatabase(handle);
  });
  afterAll(async () => {
    installDatabase(undefined);
    await handle?.close();
    await dropDatabase?.();
  });
  return {
    db: () => {
      if (!handle) throw new Error("test database not open yet");
      return handle.db;
    },
    kind: () => handle?.kind ?? "pglite",
  };
}

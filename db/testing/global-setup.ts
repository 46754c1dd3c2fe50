import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../client";
import { adminUrl, databaseUrlFor } from "./pg-urls";

declare module "vitest" {
  export interface ProvidedContext {
    /** PostgreSQL mode: the migrated template database each test file copies. */
    pgTemplate: string | null;
    /** PGlite mode: a tarball of a migrated data directory each test file loads. */
    pgliteDump: string | null;
  }
}

/**
 * Migrates once per run, then every integration test file gets its own copy: a PostgreSQL database created
 * from a template (DATABASE_URL set), or a PGlite loaded from a dump. Runs never see each other's data.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `ssi_tpl_${process.pid}_${Date.now().toString(36)}`;
    const { default: postgres } = await import("postgres");
    const admin = postgres(adminUrl(url), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${template}"`);
    const handle = await openDatabase({ url: databaseUrlFor(url, template) });
    await handle.ready;
    await handle.close();
    project.provide("pgTemplate", template);
    project.provide("pgliteDump", null);
    return async () => {
      const leftovers = await admin<{ datname: string }[]>`
        select datname from pg_database where datname like ${`ssi_t_${process.pid}_%`} or datname = ${template}`;
      for (const { datname } of leftovers) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
      await admin.end();
    };
  }
  const handle = await openDatabase({ pgliteDir: "memory://" });
  await handle.ready;
  const client = (handle.db as unknown as { $client: import("@electric-sql/pglite").PGlite }).$client;
  const dump = await client.dumpDataDir("none");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ssi-pglite-")), "migrated.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide("pgTemplate", null);
  project.provide("pgliteDump", file);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

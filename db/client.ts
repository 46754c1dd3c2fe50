import os from "node:os";
import path from "node:path";
import { sql, type SQL } from "drizzle-orm";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import * as schema from "./schema";
import { noteDatabaseReachable, registerDatabaseProbe } from "@/lib/database-health";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/database-unavailable";
import { env } from "@/lib/env";

/** The one database handle. Both drivers expose the same Drizzle API; postgres.js's type stands for both. */
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

type Handle = { db: Db; kind: "pglite" | "postgres"; ready: Promise<void>; close: () => Promise<void> };

// Next bundles route handlers, pages and instrumentation separately; a module-level variable would give each
// bundle its own connection pool (or, worse, its own PGlite on the same directory). globalThis is shared.
const g = globalThis as unknown as { __ssiDb?: Promise<Handle> };

export const MIGRATIONS_DIR = path.join(process.cwd(), "db", "migrations");
const MIGRATION_LOCK = 7_243_117; // arbitrary, constant: serialises migrations across app instances
/*
 * Failing fast while PostgreSQL is down: a connection attempt gives up after 2 s (an unreachable host; a stopped
 * server refuses at once), and a failed connection is retried after at most 0.5 s. postgres.js's default
 * back-off grows to 20 s between attempts, and every query queued on that connection waited for it: requests
 * hung for up to 17 s during an outage instead of answering 503.
 */
const CONNECT_TIMEOUT_S = 2;
const reconnectDelayS = (retries: number) => Math.min(0.5, 0.05 * retries);
/**
 * Session settings for every PostgreSQL connection. JIT off: the dashboard's trend query is costed above
 * jit_above_cost, and compiling it took several times longer than running it (docs/PERFORMANCE.md); the
 * app's queries are short, and JIT never pays for them. PGlite has no JIT.
 */
export const PG_SESSION = { jit: "off" } as const;
/** Names this process's connections in pg_stat_activity (the pool metrics count them by it); unique per host. */
const APPLICATION_NAME = `ssi:${os.hostname()}:${process.pid}`.slice(0, 63);

/** The database could not be reached. Its digest lets the error page show "temporarily unavailable". */
export class DatabaseUnavailableError extends Error {
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;
  constructor(cause: unknown) {
    super("The database is unavailable.", { cause });
    this.name = "DatabaseUnavailableError";
  }
}

// Socket errors, postgres.js's own connection errors, and PostgreSQL's "shutting down / starting up / full".
const CONNECTION_ERROR_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE",
  "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED",
  "57P01", "57P02", "57P03", "53300",
]);

/** True when an error (or its cause, e.g. inside Drizzle's query error) means the database could not be reached. */
export function isConnectionError(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 4) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && CONNECTION_ERROR_CODES.has(code)) return true;
  if (err instanceof AggregateError && err.errors.some((e) => isConnectionError(e, depth + 1))) return true;
  return isConnectionError((err as { cause?: unknown }).cause, depth + 1);
}

/** Opens a handle (without caching it). Used by the app via database(), and directly by scripts and tests. */
export async function openDatabase(opts: { url?: string; pgliteDir?: string; migrate?: boolean }): Promise<Handle> {
  if (opts.url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    // A server that is down or unreachable must fail a request within seconds, not after postgres.js's default 30 s.
    const client = postgres(opts.url, {
      max: env().DB_POOL_MAX,
      connect_timeout: CONNECT_TIMEOUT_S,
      backoff: reconnectDelayS,
      onnotice: () => {},
      connection: { ...PG_SESSION, application_name: APPLICATION_NAME },
    });
    const db = drizzle(client, { schema, casing: "snake_case" });
    const ready = opts.migrate === false ? Promise.resolve() : migratePostgres(db, client);
    return { db, kind: "postgres", ready, close: () => client.end({ timeout: 5 }) };
  }
  const dir = opts.pgliteDir ?? env().PGLITE_DIR;
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const inMemory = dir.startsWith("memory://");
  const release = inMemory ? () => {} : (await import("./pglite-lock")).lockDataDir(dir);
  const client = new PGlite(inMemory ? dir : path.resolve(dir));
  const db = drizzle(client, { schema, casing: "snake_case" }) as unknown as Db;
  const ready =
    opts.migrate === false
      ? client.waitReady
      : client.waitReady.then(async () => {
          const { migrate } = await import("drizzle-orm/pglite/migrator");
          await migrate(db as never, { migrationsFolder: MIGRATIONS_DIR });
        });
  return {
    db,
    kind: "pglite",
    ready,
    close: async () => {
      await client.close();
      release();
    },
  };
}

async function migratePostgres(db: Db, client: import("postgres").Sql) {
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const conn = await client.reserve();
  try {
    await conn`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await conn`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
    conn.release();
  }
}

/** The app's database, opened and migrated on first use (never at import time, so `next build` stays offline). */
export async function database(): Promise<Db> {
  if (!g.__ssiDb) {
    const e = env();
    g.__ssiDb = openDatabase({ url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR });
  }
  const pending = g.__ssiDb;
  try {
    const handle = await pending;
    await handle.ready;
    return handle.db;
  } catch (err) {
    // Forget a failed open (database down, migration failed) so the next request tries again.
    if (g.__ssiDb === pending) {
      g.__ssiDb = undefined;
      pending.then((h) => h.close()).catch(() => {});
    }
    if (!isConnectionError(err)) throw err;
    noteDatabaseReachable(false);
    throw new DatabaseUnavailableError(err);
  }
}

/** Which driver is in use, for the health check. */
export function databaseKind(): Handle["kind"] {
  return env().DATABASE_URL ? "postgres" : "pglite";
}

/**
 * Closes the app's database (a clean shutdown): the pool's connections end once their queries finished, and the
 * embedded database is closed and its directory's lock released. A later database() would open it again.
 */
export async function closeDatabase(): Promise<void> {
  const pending = g.__ssiDb;
  g.__ssiDb = undefined;
  if (!pending) return;
  const handle = await pending.catch(() => null);
  await handle?.close();
}

/** Pool figures for the metrics: how many connections the pool may open, and how many it has open and busy. */
export async function poolUse(): Promise<{ max: number; open: number; busy: number }> {
  const handle = await g.__ssiDb?.catch(() => null);
  if (!handle) return { max: databaseKind() === "pglite" ? 1 : env().DB_POOL_MAX, open: 0, busy: 0 };
  if (handle.kind === "pglite") return { max: 1, open: 1, busy: 0 };
  // This process's own connections, by the application name each carries; the one asking is busy, not counted.
  const rows = await queryRows<{ open: number; busy: number }>(
    handle.db,
    sql`select count(*)::int as open, (count(*) filter (where state = 'active'))::int - 1 as busy
        from pg_stat_activity where application_name = ${APPLICATION_NAME} and datname = current_database()`,
  );
  return { max: env().DB_POOL_MAX, open: Number(rows[0]?.open ?? 0), busy: Math.max(0, Number(rows[0]?.busy ?? 0)) };
}

/** Tests install their own handle (a cloned PGlite or a throwaway PostgreSQL database). */
export function installDatabase(handle: Handle | undefined) {
  g.__ssiDb = handle ? Promise.resolve(handle) : undefined;
}

/** True when the database answers a trivial query within the timeout (and the whole process then knows it). */
export async function pingDatabase(timeoutMs = 2000): Promise<boolean> {
  let ok: boolean;
  try {
    const db = await withTimeout(database(), timeoutMs);
    await withTimeout(db.execute(sql`select 1`), timeoutMs);
    ok = true;
  } catch {
    ok = false;
  }
  noteDatabaseReachable(ok);
  return ok;
}
// proxy.ts asks through lib/database-health.ts whether the database is back before it serves a page.
registerDatabaseProbe(pingDatabase);

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("timeout")), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}

export type { Handle as DatabaseHandle };

/**
 * Runs raw SQL and returns its rows on either driver: postgres.js answers an array, PGlite `{ rows }`.
 * Numeric and bigint columns come back as strings on postgres.js: cast them in SQL (`::float8`, `::int`).
 */
export async function queryRows<T extends Record<string, unknown>>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

type PreparingClient = { unsafe: (text: string, params: unknown[], opts: { prepare: boolean }) => Promise<unknown[]> };

/**
 * queryRows for a hot statement whose text never changes (only its parameters): on PostgreSQL a named prepared
 * statement, parsed and planned once per connection instead of on every call (drizzle's `execute` sends raw SQL
 * unnamed, so a long statement of CTEs was parsed and planned per request). On PGlite it is queryRows.
 */
export async function queryRowsPrepared<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const client = (db as unknown as { $client?: Partial<PreparingClient> }).$client;
  const dialect = (db as unknown as { dialect?: { sqlToQuery: (q: SQL) => { sql: string; params: unknown[] } } }).dialect;
  if (typeof client?.unsafe !== "function" || !dialect) return queryRows<T>(db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  return (await client.unsafe(text, params, { prepare: true })) as T[];
}

// A database that cannot be reached is recognised as such (whatever wraps the error), quickly, and told apart
// from an ordinary SQL error: the error page and /api/health rely on it.
import net from "node:net";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DatabaseUnavailableError, isConnectionError, openDatabase } from "./client";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/database-unavailable";

/** A local port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

describe("an unreachable PostgreSQL", () => {
  it("fails opening and querying with errors recognised as connection errors", async () => {
    const url = `postgres://postgres@127.0.0.1:${await closedPort()}/nowhere`;
    const opened = await openDatabase({ url });
    const migrateError = await opened.ready.then(() => null, (e: unknown) => e);
    expect(isConnectionError(migrateError)).toBe(true);
    await opened.close();

    const handle = await openDatabase({ url, migrate: false });
    const queryError = await handle.db.execute(sql`select 1`).then(() => null, (e: unknown) => e);
    expect(queryError).toBeInstanceOf(Error);
    expect(isConnectionError(queryError)).toBe(true); // a Drizzle query error, caused by ECONNREFUSED
    await handle.close();
  });

  it("tells an outage from a bug, and carries the digest the error page recognises", () => {
    expect(isConnectionError(Object.assign(new Error("syntax error"), { code: "42601" }))).toBe(false);
    expect(isConnectionError(new Error("boom"))).toBe(false);
    expect(isConnectionError(null)).toBe(false);
    expect(isConnectionError(new Error("wrapped", { cause: Object.assign(new Error("gone"), { code: "CONNECTION_ENDED" }) }))).toBe(true);
    expect(new DatabaseUnavailableError(new Error("x")).digest).toBe(DATABASE_UNAVAILABLE_DIGEST);
    // The API's 503 relies on this: database()'s own outage error is recognised by its cause.
    expect(isConnectionError(new DatabaseUnavailableError(Object.assign(new Error("refused"), { code: "ECONNREFUSED" })))).toBe(true);
  });
});

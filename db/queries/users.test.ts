import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../client";
import { setupTestDatabase } from "../testing/test-db";
import { users } from "../schema";
import { createUserWithPassword, getUserById, getUserCredentials } from "./users";

const t = setupTestDatabase();

describe(`users on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("stores the email lower-cased and finds the person by any casing", async () => {
    const created = await createUserWithPassword({ name: "Ana Rep", email: "Ana.Rep@Example.COM", passwordHash: "h1" });
    expect(created).toMatchObject({ name: "Ana Rep", email: "ana.rep@example.com", sessionVersion: 0 });
    const found = await getUserCredentials("  ANA.REP@example.com ");
    expect(found).toMatchObject({ id: created!.id, passwordHash: "h1" });
    expect(await getUserById(created!.id)).not.toHaveProperty("passwordHash");
  });

  it("refuses a second account for the same email and writes nothing", async () => {
    await createUserWithPassword({ name: "First", email: "dup@example.com", passwordHash: "h1" });
    const second = await createUserWithPassword({ name: "Second", email: "DUP@example.com", passwordHash: "h2" });
    expect(second).toBeNull();
    const rows = await t.db().select({ name: users.name, hash: users.passwordHash }).from(users).where(eq(users.email, "dup@example.com"));
    expect(rows).toEqual([{ name: "First", hash: "h1" }]);
  });

  it("answers null for unknown people", async () => {
    expect(await getUserCredentials("nobody@example.com")).toBeNull();
    expect(await getUserById("00000000-0000-0000-0000-000000000000")).toBeNull();
  });

  it("runs on the driver the environment asks for", async () => {
    expect(t.kind()).toBe(process.env.DATABASE_URL ? "postgres" : "pglite");
    const [row] = await queryRows<{ v: string }>(t.db(), sql`select version() as v`);
    expect(String(row?.v)).toMatch(/PostgreSQL/);
  });
});

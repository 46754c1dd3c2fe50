import { describe, expect, it } from "vitest";
import { assertStartupConfig, EnvError, features, parseEnv } from "./env";

describe("parseEnv", () => {
  it("needs nothing in embedded mode", () => {
    const e = parseEnv({});
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.PGLITE_DIR).toBe(".data/pglite");
    expect(features(e).embeddedDb).toBe(true);
    expect(features(e).magicLink).toBe(false);
  });

  it("names the variable when a value is malformed", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => parseEnv({ SMTP_URL: "mail.example.com" })).toThrow(/SMTP_URL/);
    expect(() => parseEnv({ DB_POOL_MAX: "lots" })).toThrow(/DB_POOL_MAX/);
  });

  it("stops a production start on PostgreSQL without AUTH_SECRET", () => {
    const missing = parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/x" });
    expect(() => assertStartupConfig(missing)).toThrow(EnvError);
    expect(() => assertStartupConfig(missing)).toThrow(/AUTH_SECRET: is required/);
    const ok = parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/x", AUTH_SECRET: "x".repeat(32) });
    expect(() => assertStartupConfig(ok)).not.toThrow();
    // The embedded mode makes and keeps its own secret, so production on PGlite needs none.
    expect(() => assertStartupConfig(parseEnv({ NODE_ENV: "production" }))).not.toThrow();
  });

  it("requires both LinkedIn values or neither", () => {
    expect(() => parseEnv({ AUTH_LINKEDIN_ID: "abc" })).toThrow(/AUTH_LINKEDIN_SECRET/);
    expect(features(parseEnv({ AUTH_LINKEDIN_ID: "a", AUTH_LINKEDIN_SECRET: "b" })).linkedin).toBe(true);
  });

  it("reads TRUST_PROXY as off, a number of proxies, or 'trust the first entry'", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(parseEnv({ TRUST_PROXY: "TRUE" }).TRUST_PROXY).toBe("all");
    expect(() => parseEnv({ TRUST_PROXY: "yes please" })).toThrow(/TRUST_PROXY: must be false, true, or the number/);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", SMTP_URL: "" }).DATABASE_URL).toBeUndefined();
  });
});

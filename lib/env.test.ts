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
    const ok = parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/x", AUTH_SECRET: "x".repeat(32), AUTH_URL: "https://ssi.example.com" });
    expect(() => assertStartupConfig(ok)).not.toThrow();
    // The embedded mode makes and keeps its own secret, so production on PGlite needs none.
    expect(() => assertStartupConfig(parseEnv({ NODE_ENV: "production" }))).not.toThrow();
  });

  it("stops a production start on PostgreSQL or with SMTP without its public URL, naming AUTH_URL", () => {
    const secret = "x".repeat(32);
    const onPg = parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/x", AUTH_SECRET: secret });
    expect(() => assertStartupConfig(onPg)).toThrow(/AUTH_URL: is required in production with DATABASE_URL/);
    const withSmtp = parseEnv({ NODE_ENV: "production", SMTP_URL: "smtp://mail.example.com:587" });
    expect(() => assertStartupConfig(withSmtp)).toThrow(/AUTH_URL: is required in production with SMTP_URL/);
    // Both missing: one message names both.
    expect(() => assertStartupConfig(parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/x" }))).toThrow(/AUTH_SECRET[\s\S]*AUTH_URL/);
    // The embedded default (no PostgreSQL, no SMTP) links to http://localhost:PORT; development needs nothing.
    expect(() => assertStartupConfig(parseEnv({ NODE_ENV: "production" }))).not.toThrow();
    expect(() => assertStartupConfig(parseEnv({ NODE_ENV: "development", SMTP_URL: "smtp://mail.example.com" }))).not.toThrow();
    expect(() => parseEnv({ AUTH_URL: "ftp://ssi.example.com" })).toThrow(/AUTH_URL: must be the app's public http\(s\) URL/);
  });

  it("requires both LinkedIn values or neither", () => {
    expect(() => parseEnv({ AUTH_LINKEDIN_ID: "abc" })).toThrow(/AUTH_LINKEDIN_SECRET/);
    expect(features(parseEnv({ AUTH_LINKEDIN_ID: "a", AUTH_LINKEDIN_SECRET: "b" })).linkedin).toBe(true);
  });

  it("stops start-up for a half-configured sign-in provider, naming the missing variable", () => {
    expect(() => parseEnv({ AUTH_GOOGLE_ID: "g" })).toThrow(/AUTH_GOOGLE_SECRET: is required with AUTH_GOOGLE_ID/);
    expect(() => parseEnv({ AUTH_MICROSOFT_ENTRA_ID_SECRET: "s" })).toThrow(/AUTH_MICROSOFT_ENTRA_ID_ID: is required/);
    const oidc = { AUTH_OIDC_ISSUER: "https://idp.example.com", AUTH_OIDC_ID: "id", AUTH_OIDC_SECRET: "secret" };
    expect(() => parseEnv(oidc)).toThrow(/AUTH_OIDC_NAME: is required with AUTH_OIDC_ISSUER and AUTH_OIDC_ID and AUTH_OIDC_SECRET/);
    // The message names only the missing ones, each on its own line.
    let message = "";
    try {
      parseEnv({ AUTH_OIDC_NAME: "Okta" });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message.split("\n").filter((l) => l.includes("is required")).map((l) => l.trim().split(":")[0])).toEqual(["AUTH_OIDC_ISSUER", "AUTH_OIDC_ID", "AUTH_OIDC_SECRET"]);
    expect(() => parseEnv({ ...oidc, AUTH_OIDC_NAME: "Okta", AUTH_OIDC_ISSUER: "not a url" })).toThrow(/AUTH_OIDC_ISSUER/);
    const all = parseEnv({ ...oidc, AUTH_OIDC_NAME: "Okta", AUTH_GOOGLE_ID: "g", AUTH_GOOGLE_SECRET: "s" });
    expect(features(all)).toMatchObject({ oidc: true, google: true, entra: false, linkedin: false });
  });

  it("reads the sign-up policy: open by default, domains needs its list", () => {
    expect(parseEnv({}).AUTH_SIGNUP).toBe("open");
    expect(parseEnv({ AUTH_SIGNUP: "invite-only" }).AUTH_SIGNUP).toBe("invite-only");
    expect(() => parseEnv({ AUTH_SIGNUP: "closed" })).toThrow(/AUTH_SIGNUP: must be open, invite-only or domains/);
    expect(() => parseEnv({ AUTH_SIGNUP: "domains" })).toThrow(/AUTH_SIGNUP_DOMAINS: is required with AUTH_SIGNUP=domains/);
    expect(parseEnv({ AUTH_SIGNUP: "domains", AUTH_SIGNUP_DOMAINS: " Acme.com, @acme.de ," }).AUTH_SIGNUP_DOMAINS).toEqual(["acme.com", "acme.de"]);
    expect(() => parseEnv({ AUTH_SIGNUP: "domains", AUTH_SIGNUP_DOMAINS: "acme.com,not a domain" })).toThrow(/AUTH_SIGNUP_DOMAINS/);
  });

  it("turns passwords off only when there is another way to sign in", () => {
    expect(features(parseEnv({})).password).toBe(true);
    expect(() => parseEnv({ AUTH_PASSWORD: "off" })).toThrow(/AUTH_PASSWORD: off needs another way to sign in/);
    expect(() => parseEnv({ AUTH_PASSWORD: "no" })).toThrow(/AUTH_PASSWORD: must be on or off/);
    expect(features(parseEnv({ AUTH_PASSWORD: "off", AUTH_GOOGLE_ID: "g", AUTH_GOOGLE_SECRET: "s" })).password).toBe(false);
    expect(features(parseEnv({ AUTH_PASSWORD: "off", SMTP_URL: "smtp://mail.example.com" })).password).toBe(false);
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

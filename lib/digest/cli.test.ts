// `npm run digest` validates its environment exactly as the server does (lib/runtime-env.ts): where the
// server would refuse to start, the CLI refuses to run, before it opens the database or sends anything.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { adminUrl, databaseUrlFor } from "@/db/testing/pg-urls";

const root = path.resolve(import.meta.dirname, "../..");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** Runs the CLI as cron would: no NODE_ENV, none of this process's configuration, only `vars`. */
function runDigest(vars: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ssi-cli-"));
  dirs.push(dataDir);
  const { DATABASE_URL: _a, NODE_ENV: _b, AUTH_SECRET: _c, AUTH_URL: _d, SMTP_URL: _e, PGLITE_DIR: _f, ...inherited } = process.env;
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "scripts", "digest.ts")], {
    cwd: root,
    env: { ...inherited, DATA_DIR: dataDir, PGLITE_DIR: "memory://cli", ...vars } as unknown as NodeJS.ProcessEnv, // without NODE_ENV, on purpose
    encoding: "utf8",
    timeout: 110_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}`, madeSecret: fs.existsSync(path.join(dataDir, "auth-secret")) };
}

describe("npm run digest", () => {
  it("refuses to run with SMTP but no public URL, naming AUTH_URL, as the server refuses to start", () => {
    const refused = runDigest({ SMTP_URL: "smtp://127.0.0.1:9" });
    expect(refused.out).toContain("AUTH_URL: is required in production with SMTP_URL");
    expect(refused.out).not.toContain("outbox:");
    expect(refused.code).toBe(1);
    const ok = runDigest({ SMTP_URL: "smtp://127.0.0.1:9", AUTH_URL: "https://ssi.example.com" });
    expect(ok.out).toContain("No team digest is due.");
    expect(ok.code).toBe(0);
  }, 240_000); // two CLI runs, each starting tsx and migrating a database (seconds; more on a busy machine)

  it.skipIf(!process.env.DATABASE_URL)("refuses to run on PostgreSQL without AUTH_SECRET instead of signing unsubscribe links with a secret of its own", async () => {
    const { default: postgres } = await import("postgres");
    const admin = postgres(adminUrl(process.env.DATABASE_URL!), { max: 1, onnotice: () => {} });
    const name = `ssi_t_cli_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await admin.unsafe(`create database "${name}"`);
    try {
      const url = databaseUrlFor(process.env.DATABASE_URL!, name);
      const refused = runDigest({ DATABASE_URL: url, AUTH_URL: "https://ssi.example.com" });
      expect(refused.out).toContain("AUTH_SECRET: is required in production with DATABASE_URL");
      expect(refused.madeSecret).toBe(false);
      expect(refused.code).toBe(1);
      const ok = runDigest({ DATABASE_URL: url, AUTH_URL: "https://ssi.example.com", AUTH_SECRET: "s".repeat(32) });
      expect(ok.out).toContain("No team digest is due.");
      expect(ok.code).toBe(0);
    } finally {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  }, 240_000);
});

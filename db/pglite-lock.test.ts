import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DatabaseLockedError, lockDataDir } from "./pglite-lock";

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "ssi-lock-"));
  dirs.push(d);
  return path.join(d, "pglite");
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("the embedded database directory lock", () => {
  it("refuses a second process with a message that says what to do", () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    try {
      const child = spawnSync(process.execPath, ["--import", "tsx", "scripts/migrate.ts"], {
        env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: dir },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(child.status).toBe(1);
      expect(child.stderr).toContain(`The embedded database at ${dir} is already open in another process (${process.pid}@`);
      expect(child.stderr).toContain("set PGLITE_DIR to a different directory");
      // The refused process did not create a database beside ours.
      expect(fs.existsSync(dir)).toBe(false);
    } finally {
      release();
    }
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it("takes over a lock left behind by a process that died", () => {
    const dir = tempDir();
    fs.writeFileSync(`${dir}.lock`, `999999999@${os.hostname()}`);
    const release = lockDataDir(dir);
    expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(`${process.pid}@${os.hostname()}`);
    release();
  });

  it("does not take over a live process's lock", () => {
    const dir = tempDir();
    fs.writeFileSync(`${dir}.lock`, `${process.ppid}@${os.hostname()}`);
    expect(() => lockDataDir(dir)).toThrow(DatabaseLockedError);
  });
});

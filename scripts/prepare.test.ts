import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
// A plain .mjs script: it must run before TypeScript tooling is installed.
import { satisfies } from "./prepare.mjs";

const root = path.resolve(import.meta.dirname, "..");
const range = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).engines.node as string;

describe("the Node.js version check of npm start and npm test", () => {
  it("accepts the versions package.json allows and refuses the rest", () => {
    expect(range).toBe("^20.19.0 || >=22.12.0");
    for (const ok of ["v20.19.0", "v20.20.2", "v22.12.0", "v24.3.1"]) expect(satisfies(ok, range), ok).toBe(true);
    for (const no of ["v18.20.4", "v20.9.0", "v20.18.3", "v21.7.0", "v22.11.0"]) expect(satisfies(no, range), no).toBe(false);
  });

  // An older Node is simulated by overriding process.version before the script runs.
  for (const script of ["scripts/start.mjs", "scripts/test-all.mjs"]) {
    it(`${script} on Node 18 stops with one sentence naming the versions needed, before installing anything`, () => {
      const preload = `data:text/javascript,Object.defineProperty(process,"version",{value:"v18.19.0"})`;
      const r = spawnSync(process.execPath, ["--import", preload, script], { cwd: root, encoding: "utf8", timeout: 20_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("SSI Leaderboard needs Node.js 20.19 or a later 20.x, or 22.12 or newer; this is Node.js v18.19.0.");
      expect(r.stdout).not.toContain("Installing");
    });
  }
});

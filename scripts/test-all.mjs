// npm test: lint, typecheck, unit + integration (PGlite, and PostgreSQL too when DATABASE_URL is set), build, e2e.
// prepare.mjs is imported first and checks the Node.js version before anything newer can fail.
import { build, checkNode, ensureInstalled, root } from "./prepare.mjs";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

checkNode();
ensureInstalled();
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const results = path.join(root, "test-results");
fs.mkdirSync(results, { recursive: true });
const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const { DATABASE_URL, ...withoutDb } = baseEnv;
const timings = [];
let passed = 0;
let failed = 0;

function run(label, cmd, args, env = baseEnv) {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" });
  timings.push(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (r.status !== 0) {
    console.error(`\n✗ ${label} failed (exit ${r.status ?? r.signal}).`);
    summary();
    process.exit(r.status || 1);
  }
}

function countVitest(file) {
  const j = JSON.parse(fs.readFileSync(file, "utf8"));
  passed += j.numPassedTests;
  failed += j.numFailedTests;
}

function summary() {
  console.log(`\nSteps:\n  ${timings.join("\n  ")}`);
  console.log(`\n${passed} passed, ${failed} failed`);
}

run("lint (eslint)", bin("eslint"), [".", "--max-warnings=0"]);
run("audit (npm audit --omit=dev, high and critical)", process.execPath, [path.join(root, "scripts", "audit.mjs")]);
run("typecheck (next typegen + tsc)", bin("next"), ["typegen"]);
run("typecheck (tsc --noEmit)", bin("tsc"), ["--noEmit"]);

const vitest = (label, out, env) => {
  run(label, bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], env);
  countVitest(out);
};
vitest("unit + integration on PGlite", path.join(results, "vitest-pglite.json"), withoutDb);
if (DATABASE_URL) vitest("unit + integration on PostgreSQL", path.join(results, "vitest-postgres.json"), baseEnv);
else console.log("\n(DATABASE_URL is not set: integration tests ran on PGlite only.)");

// Types were checked just above; the build need not do it again.
{
  const started = Date.now();
  console.log("\n▶ build (next build)");
  const ok = build({ ...baseEnv, SKIP_BUILD_TYPECHECK: "1" }, process.env.NEXT_DIST_DIR || ".next");
  timings.push(`build (next build): ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!ok) {
    summary();
    process.exit(1);
  }
}
// The load benchmark in its small size, on the build just made (seconds, no thresholds), so it cannot rot.
// It fails only when the server fails or an acknowledged write is missing.
const benchArgs = ["scripts/bench.ts", "--small", "--no-build", "--dist-dir", process.env.NEXT_DIST_DIR || ".next", "--port", "3910"];
run("load benchmark, small (npm run bench -- --small)", bin("tsx"), benchArgs);

// The production build itself, started as every start command does (tests/production): clean shutdown under a
// burst of writes, request logs and metrics, the self-contained server (completed here from the same build).
run("standalone server (node scripts/standalone.mjs)", process.execPath, [path.join(root, "scripts", "standalone.mjs")]);
{
  const out = path.join(results, "vitest-production.json");
  // DATABASE_URL reaches only tests/production/instances.test.ts (two servers on one PostgreSQL); the others run
  // their servers on embedded databases of their own.
  run("production server (tests/production)", bin("vitest"), ["run", "--config", "vitest.production.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], baseEnv);
  countVitest(out);
}

const hasSystemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].some((p) => fs.existsSync(p));
if (!hasSystemChromium) run("install Playwright's Chromium", bin("playwright"), ["install", "chromium"]);
const e2eJson = path.join(results, "e2e-results.json");
const e2e = spawnSync(bin("playwright"), ["test"], { cwd: root, env: baseEnv, stdio: "inherit" });
if (fs.existsSync(e2eJson)) {
  const { stats } = JSON.parse(fs.readFileSync(e2eJson, "utf8"));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
}
timings.push("e2e (playwright): see above");
summary();
process.exit(e2e.status ?? 1);

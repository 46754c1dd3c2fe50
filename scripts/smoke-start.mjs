// The newcomer's `npm start`, checked from the outside (CI runs it in a fresh clone of its own):
//   node scripts/smoke-start.mjs [--dir <clone>]
// Runs `npm start` with demo data on an empty embedded database and a free port, waits for it, signs in as the demo
// manager through the real sign-in form in Chromium, checks that the demo board lists the demo people, presses
// Ctrl+C (SIGINT to the process group, as a terminal does), checks that everything stopped and released the
// database, then starts again on the same data and checks the board once more. Exits non-zero on any failure.
// Only Node built-ins until `npm start` has installed the dependencies; Playwright is loaded from the clone after.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";

const { values: opt } = parseArgs({ options: { dir: { type: "string", default: path.resolve(import.meta.dirname, "..") } } });
const dir = path.resolve(opt.dir);
const data = fs.mkdtempSync(path.join(os.tmpdir(), "ssi-smoke-"));
const pgliteDir = path.join(data, "pglite");
const DEMO_PEOPLE = ["Ben Okafor", "Chloe Larsen", "Dev Novak", "Elena Garcia"]; // db/seed.ts's EMEA team
const started = Date.now();
const say = (msg) => console.log(`[smoke ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);

let live = null; // the npm start now running, stopped on failure
function fail(msg) {
  console.error(`\n[smoke] FAILED: ${msg}\n`);
  if (live) {
    try {
      process.kill(-live.child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  fs.rmSync(data, { recursive: true, force: true });
  process.exit(1);
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = net.createServer().once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

/** `npm start` exactly as the README writes it, in its own process group so that SIGINT reaches all of it. */
function npmStart(port) {
  const { DATABASE_URL: _embedded, ...inherited } = process.env;
  const env = { ...inherited, PORT: String(port), DEMO_DATA: "yes", DATA_DIR: data, PGLITE_DIR: pgliteDir };
  const child = spawn("npm", ["start"], { cwd: dir, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const out = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream.on("data", (chunk) => {
      out.push(chunk.toString());
      process.stdout.write(chunk.toString().replace(/^(?=.)/gm, "  | "));
    });
  }
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  live = { child, out, exited };
  return live;
}

async function waitHealthy(port, run, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let done = false;
  run.exited.then(() => (done = true));
  while (Date.now() < deadline) {
    if (done) fail(`npm start exited before it answered (output above).`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (r.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  fail(`npm start did not answer /api/health with 200 within ${timeoutMs / 1000} s.`);
}

/** Signs in through the real form and reads the demo team's board. */
async function checkBoard(port) {
  const require = createRequire(path.join(dir, "package.json"));
  const playwright = await import(pathToFileURL(require.resolve("@playwright/test")).href);
  const { chromium } = playwright.default ?? playwright;
  const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
  const browser = await chromium.launch({
    executablePath,
    args: executablePath ? ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"] : [],
  });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    const base = `http://127.0.0.1:${port}`;
    await page.goto(`${base}/sign-in`);
    await page.getByLabel("Email", { exact: true }).fill("manager@demo.test");
    await page.getByLabel("Password", { exact: true }).fill("demo-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
    await page.goto(`${base}/t/demo-emea-sales`);
    // The board streams in after the page's frame: wait for it to finish before reading it.
    await page.getByRole("table").first().waitFor().catch(() => {});
    const text = await page.locator("main").innerText();
    const missing = DEMO_PEOPLE.filter((n) => !text.includes(n));
    if (missing.length) fail(`the demo board at /t/demo-emea-sales does not list ${missing.join(", ")}. It shows:\n${text.slice(0, 1500)}`);
    say(`signed in as manager@demo.test; the demo board lists ${DEMO_PEOPLE.join(", ")}`);
  } finally {
    await browser.close();
  }
}

/** Ctrl+C: SIGINT to the whole process group, then every process of it must be gone and the lock released. */
async function pressCtrlC(run) {
  process.kill(-run.child.pid, "SIGINT");
  const result = await Promise.race([run.exited, new Promise((r) => setTimeout(() => r(null), 20_000))]);
  if (!result) {
    fail("npm start was still running 20 s after Ctrl+C.");
  }
  await new Promise((r) => setTimeout(r, 500));
  let leftover = true;
  try {
    process.kill(-run.child.pid, 0);
  } catch {
    leftover = false;
  }
  if (leftover) {
    fail("a process of npm start was still running after it exited.");
  }
  live = null;
  if (result.code !== 0 && result.signal !== "SIGINT") fail(`npm start exited with ${result.code ?? result.signal} after Ctrl+C.`);
  if (fs.existsSync(`${pgliteDir}.lock`)) fail(`the embedded database's lock ${pgliteDir}.lock was left behind.`);
  const out = run.out.join("");
  if (/Error|✗/.test(out.slice(out.lastIndexOf("Starting on")))) fail("npm start printed an error (output above).");
  say(`stopped cleanly (${result.code !== null ? `exit ${result.code}` : result.signal}); database lock released`);
}

process.on("uncaughtException", (err) => fail(err.stack ?? String(err)));
process.on("unhandledRejection", (err) => fail(err?.stack ?? String(err)));

const port = await freePort();
say(`npm start in ${dir} on port ${port}, embedded database in ${pgliteDir}`);
const first = npmStart(port);
await waitHealthy(port, first, 15 * 60_000);
say("first start answers /api/health");
await checkBoard(port);
await pressCtrlC(first);

const second = npmStart(port);
await waitHealthy(port, second, 3 * 60_000);
say("second start on the same database answers /api/health");
await checkBoard(port);
await pressCtrlC(second);
if (!/Creating the database with demo data/.test(first.out.join(""))) fail("the first start did not create the demo data.");
if (/Creating the database|Building the app|Installing/.test(second.out.join(""))) fail("the second start installed, built or seeded again.");
fs.rmSync(data, { recursive: true, force: true });
say("npm start works on a fresh clone: PASS");

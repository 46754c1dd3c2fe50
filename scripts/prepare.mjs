// What `npm start` and `npm test` do before anything else on a fresh clone: check the Node.js version, install the
// dependencies (again after package-lock.json changed), and build without leaving a broken build behind.
// Only Node built-ins and syntax old Node versions parse: this file must run far enough to say what is wrong.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const STAMP = path.join(root, "node_modules", ".ssi-installed");

export const step = (msg) => console.log(`\x1b[36m›\x1b[0m ${msg}`);
export const fail = (msg) => {
  console.error(`\n\x1b[31m✗\x1b[0m ${msg}\n`);
  process.exit(1);
};

/** True when version "a.b.c" satisfies a range made of `>=x.y.z` / `^x.y.z` parts joined by `||`. */
export function satisfies(version, range) {
  const num = (v) => v.replace(/^v/, "").split(".").map((n) => parseInt(n, 10) || 0);
  const cmp = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  const have = num(version);
  return range.split("||").some((part) => {
    const m = /^\s*(\^|>=)\s*v?(\d+(?:\.\d+){0,2})\s*$/.exec(part);
    if (!m) return false;
    const want = num(m[2]);
    while (want.length < 3) want.push(0);
    return m[1] === ">=" ? cmp(have, want) >= 0 : have[0] === want[0] && cmp(have, want) >= 0;
  });
}

/** Stops with one sentence when this Node.js is outside package.json's `engines` range. */
export function checkNode() {
  const range = pkg.engines.node;
  if (!satisfies(process.version, range)) {
    const short = (v) => v.replace(/^v?(\d+\.\d+)\.0$/, "$1");
    const wants = range.split("||").map((p) => p.trim()).map((p) =>
      p.startsWith("^") ? `${short(p.slice(1))} or a later ${p.slice(1).split(".")[0]}.x` : `${short(p.replace(/^>=/, ""))} or newer`);
    fail(`SSI Leaderboard needs Node.js ${wants.join(", or ")}; this is Node.js ${process.version}. Install a current Node.js LTS from https://nodejs.org and run the command again.`);
  }
}

// The lockfile's hash, with the Node major (native modules are built per version): a change of either reinstalls.
const wanted = () =>
  `${crypto.createHash("sha256").update(fs.readFileSync(path.join(root, "package-lock.json"))).digest("hex")} node${process.versions.node.split(".")[0]}`;

/**
 * Our last install is still in place: same lockfile and Node major, and npm has not changed node_modules since
 * (an `npm ci --omit=dev` or `npm install` by hand rewrites npm's own node_modules/.package-lock.json).
 */
function installedByUs(target) {
  try {
    const npmState = fs.statSync(path.join(root, "node_modules", ".package-lock.json")).mtimeMs;
    return fs.readFileSync(STAMP, "utf8") === target && npmState <= fs.statSync(STAMP).mtimeMs;
  } catch {
    return false;
  }
}

/** Installs exactly the lockfile's packages, dev dependencies included, unless that install is already in place. */
export function ensureInstalled() {
  const target = wanted();
  if (installedByUs(target)) return false;
  step(fs.existsSync(path.join(root, "node_modules")) ? "node_modules does not match package-lock.json (changed, or installed by hand): reinstalling dependencies…" : "Installing dependencies (first run only)…");
  // The build and the tests need dev dependencies (Tailwind's PostCSS plugin, TypeScript…). NODE_ENV=production or
  // an inherited omit setting would make npm leave them out, so neither reaches npm and dev is included explicitly.
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k === "NODE_ENV" || /^npm_config_(omit|production|only|include)$/i.test(k)) delete env[k];
  const r = spawnSync("npm", ["ci", "--include=dev", "--no-audit", "--no-fund"], { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) {
    fs.rmSync(STAMP, { force: true });
    fail(`Installing the dependencies failed (npm ci ${r.error ? r.error.message : `exited with ${r.status ?? r.signal}`}). The lines above say why; most often the npm registry could not be reached. Fix that and run the same command again: it starts the install afresh.`);
  }
  fs.writeFileSync(STAMP, target);
  // A build made with other packages is not to be trusted, nor its compiler cache.
  fs.rmSync(path.join(root, ".next"), { recursive: true, force: true });
  return true;
}

/**
 * Runs `next build`; on failure removes what it left (a failed Turbopack build's cache breaks the next build), says
 * so, and returns false.
 */
export function build(env, distDir = ".next") {
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const r = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) {
    fs.rmSync(path.join(root, distDir), { recursive: true, force: true });
    console.error(`\n\x1b[31m✗\x1b[0m The build failed (next build ${r.error ? r.error.message : `exited with ${r.status ?? r.signal}`}); the errors are above. Its partial output in ${distDir}/ was removed, so the next try builds from scratch. If you changed the code, fix what the errors name; otherwise run \`git status\` to see local changes, and report the problem with these lines.\n`);
    return false;
  }
  return true;
}

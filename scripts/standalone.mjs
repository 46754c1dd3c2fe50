// Completes the self-contained server that `next build` leaves in <distDir>/standalone (output: "standalone"):
// Next copies the server and the node_modules it traced; this adds what it does not trace — the static files,
// the migrations (read at start), the start (server/cluster.mjs: one worker per core on PostgreSQL) and its
// preload (request logs, metrics, clean shutdown), and PGlite's whole package (its WASM and data files are loaded
// by path). The folder then runs anywhere with Node alone:
//   cd .next/standalone && node --max-old-space-size=320 server/cluster.mjs server.js      (or: npm run serve:standalone)
// Usage: node scripts/standalone.mjs   (after `next build`; npm run build:standalone does both)
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const distDir = process.env.NEXT_DIST_DIR || ".next";
const out = path.join(root, distDir, "standalone");

if (!fs.existsSync(path.join(out, "server.js"))) {
  console.error(`✗ ${path.relative(root, out)}/server.js is missing: run \`npx next build\` first (next.config.js builds the standalone server).`);
  process.exit(1);
}

const copy = (from, to) => {
  const src = path.join(root, from);
  if (!fs.existsSync(src)) return;
  const dest = path.join(out, to ?? from);
  fs.rmSync(dest, { recursive: true, force: true });
  fs.cpSync(src, dest, { recursive: true, dereference: true });
};

copy(path.join(distDir, "static"));
copy("public");
copy(path.join("db", "migrations"));
for (const f of ["cluster.mjs", "cluster-ipc.mjs", "preload.mjs", "page-cache.mjs", "runtime.mjs", "start-command.mjs"]) copy(path.join("server", f));
copy(path.join("node_modules", "@electric-sql", "pglite"));

// The preload loads pino and prom-client from the folder's own node_modules: Next traced them for the app.
for (const pkg of ["pino", "prom-client", "@electric-sql/pglite", "postgres", "next"]) {
  if (!fs.existsSync(path.join(out, "node_modules", pkg, "package.json"))) {
    console.error(`✗ ${pkg} is missing from ${path.relative(root, out)}/node_modules: the standalone build is incomplete.`);
    process.exit(1);
  }
}
console.log(`✓ Standalone server ready in ${path.relative(root, out)}/ (start: npm run serve:standalone).`);

// npm audit of the production dependencies: fails on a high or critical advisory. When the registry's audit
// endpoint cannot be reached or refuses the request (some mirrors answer 405), it says so and does not fail:
// an audit that could not run is reported, never mistaken for a clean one.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const BLOCKING = new Set(["high", "critical"]);

const r = spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high", "--json"], {
  cwd: root,
  encoding: "utf8",
  timeout: 120_000,
  maxBuffer: 64 * 1024 * 1024,
});

/** Why the audit produced no report, in one line. */
function reasonOf(report) {
  if (r.error) return r.error.message;
  if (report?.message) return report.message;
  if (report?.error) return [report.error.code, report.error.summary, report.error.detail].filter(Boolean).join(": ") || "npm reported an error";
  const lastLine = (r.stderr ?? "").trim().split("\n").filter(Boolean).at(-1);
  return lastLine ?? `npm audit exited with ${r.status ?? r.signal} and printed no report`;
}

let report;
try {
  report = JSON.parse(r.stdout || "null");
} catch {
  report = null;
}

const counts = report?.metadata?.vulnerabilities;
if (!counts || typeof counts !== "object") {
  console.log(`audit could not run: ${reasonOf(report)}`);
  console.log("(No advisories were checked. Run `npm audit --omit=dev` where the registry's audit endpoint is reachable.)");
  process.exit(0);
}

const blocking = Object.values(report.vulnerabilities ?? {}).filter((v) => BLOCKING.has(v.severity));
const summary = Object.entries(counts)
  .filter(([k, n]) => k !== "total" && n > 0)
  .map(([k, n]) => `${n} ${k}`)
  .join(", ");
if (blocking.length > 0) {
  console.error(`npm audit: ${blocking.length} production package(s) with high or critical advisories:`);
  for (const v of blocking) {
    const titles = (v.via ?? []).filter((x) => typeof x === "object").map((x) => `${x.title} (${x.url})`);
    const fix = v.fixAvailable ? "fix available (npm audit fix)" : "no fix available yet";
    console.error(`  ${v.name} [${v.severity}] ${v.range}: ${titles.join("; ") || `via ${(v.via ?? []).join(", ")}`}; ${fix}`);
  }
  process.exit(1);
}
console.log(`npm audit: no high or critical advisories in production dependencies${summary ? ` (${summary})` : ""}.`);

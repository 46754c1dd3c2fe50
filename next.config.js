const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];
// Strict-Transport-Security is not here: these headers are fixed at build time, and whether the app is served
// over https is known only when it runs (AUTH_URL). proxy.ts adds it (lib/hsts.ts).
// Pages get their full Content-Security-Policy (with a per-request script nonce) from proxy.ts, which replaces
// this one; this one covers what the proxy does not see (API answers, static files).
const noFraming = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'self'; object-src 'none'" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Every response; nothing may frame the app except the TV screen (an office dashboard may embed it).
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/((?!tv/).*)", headers: noFraming },
    ];
  },
  // PGlite loads its WASM and data files from its own package directory; bundling breaks that.
  // pino and prom-client are loaded once per process by server/preload.mjs too (server/runtime.mjs); exceljs
  // (the import's .xlsx reader) is only ever used on the server.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "bcryptjs", "pino", "prom-client", "exceljs"],
  poweredByHeader: false,
  // Lets parallel builds (e.g. several engineers on one machine) keep separate outputs.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // npm test type-checks before it builds; checking again inside the build only costs time.
  typescript: { ignoreBuildErrors: process.env.SKIP_BUILD_TYPECHECK === "1" },
  // CSV imports (up to 50,000 rows, about 5 MB; refused past 10 MB with a message) are uploaded through a server
  // action. The proxy sees the same request and buffers its body up to its own limit (10 MB by default), cutting
  // a longer one short, which the action then cannot parse: both limits sit above the import's own.
  experimental: { serverActions: { bodySizeLimit: "12mb" }, proxyClientMaxBodySize: "12mb" },
};

/**
 * Builds also produce the self-contained server in <distDir>/standalone (scripts/standalone.mjs copies the
 * migrations, static files and the preload beside it). Only while building: `next start` reads this file too,
 * and with `output: "standalone"` it warns on every start although it serves the same build.
 * @param {string} phase
 */
export default function config(phase) {
  return phase === "phase-production-build" ? { ...nextConfig, output: "standalone" } : nextConfig;
}

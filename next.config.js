/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files from its own package directory; bundling breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "bcryptjs"],
  poweredByHeader: false,
  // Lets parallel builds (e.g. several engineers on one machine) keep separate outputs.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // npm test type-checks before it builds; checking again inside the build only costs time.
  typescript: { ignoreBuildErrors: process.env.SKIP_BUILD_TYPECHECK === "1" },
  // CSV imports (up to 50,000 rows, about 5 MB) are uploaded through a server action.
  experimental: { serverActions: { bodySizeLimit: "12mb" } },
};

export default nextConfig;

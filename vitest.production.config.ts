import { defineConfig } from "vitest/config";
import path from "node:path";

// Tests that start the production build (tests/production): run by npm test after the build, one file at a time
// (each starts its own servers on its own ports).
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/production/**/*.test.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
  },
});

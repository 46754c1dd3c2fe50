import { defineConfig } from "vitest/config";
import os from "node:os";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "server/**/*.test.ts", "scripts/**/*.test.ts", "db/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.tsx"],
    environment: "node",
    // Job log lines (server/runtime.mjs) would fill the test output; warnings and errors still show.
    env: { LOG_LEVEL: "warn" },
    globalSetup: ["./db/testing/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest's default in a run is one fork per core but one (one core left to its main process, which mostly
    // waits): on a 2-core CI machine that is a single fork, which keeps about one core busy (16 files on PGlite:
    // 97 s of CPU in 139 s on a loaded machine), so one fork per core. VITEST_MAX_WORKERS or --maxWorkers override.
    maxWorkers: os.availableParallelism(),
    // next-auth's ESM build imports "next/server" without an extension, which only a bundler resolves: let Vite
    // load it (server/auth/cookies.test.ts calls the real Auth.js handlers).
    server: { deps: { inline: ["next-auth"] } },
  },
});

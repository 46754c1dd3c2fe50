import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_PORTS } from "./e2e/ports";

const PORT = E2E_PORTS.suite;
const OUT = process.env.E2E_OUTPUT ?? "test-results";
// The local server standing in for Slack / Teams webhooks (e2e/channel.spec.ts) is allowed by the app.
process.env.CHANNEL_WEBHOOK_ALLOWED_ORIGINS ??= `http://127.0.0.1:${E2E_PORTS.webhookStandIn}`;
// Debian's Chromium where installed (browsers cannot be downloaded here); Playwright's own browser elsewhere.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: OUT,
  reporter: [["list"], ["json", { outputFile: `${OUT}/e2e-results.json` }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: systemChromium
      ? {
          executablePath: systemChromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
          ],
        }
      : {},
  },
  webServer: {
    // A production build on a fresh embedded database of its own, seeded by each spec through the UI/factories.
    command: `node scripts/e2e-server.mjs ${PORT}`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    // Stopped with SIGTERM (not Playwright's default SIGKILL) so that scripts/e2e-server.mjs stops the server
    // cleanly and removes its database and people-pool folders from /tmp.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});

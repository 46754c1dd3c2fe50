// The database goes away and comes back: /api/health answers 503, pages answer 503 with the designed "temporarily
// unavailable" page (never a stack), API calls answer 503 JSON at once even many at a time (no reconnect
// back-off hang), the server keeps running, and everything recovers without a restart, losing no saved score.
//
// The spec runs its own production server (the build in NEXT_DIST_DIR) on PostgreSQL, in a database it creates
// on the server that DATABASE_URL names, reached through a TCP proxy the test owns and closes (destroying every
// connection) to cut the database off. Without DATABASE_URL (no PostgreSQL at hand) it is skipped; CI sets it.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { expect, test, type Page } from "@playwright/test";
import { newPerson } from "./factories";
import { AuthPages } from "./pages/auth";
import { freePort } from "./own-server";
import { E2E_PORTS } from "./ports";

const PG_URL = process.env.DATABASE_URL ?? process.env.E2E_DATABASE_URL;
const root = path.resolve(import.meta.dirname, "..");

/** Forwards 127.0.0.1:<port> to PostgreSQL; close() cuts every connection, open() lets new ones through again. */
class TcpProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async open() {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(this.port, "127.0.0.1", resolve));
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async close() {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    const closed = new Promise((resolve) => server.close(resolve));
    for (const s of this.sockets) s.destroy();
    await closed;
  }
}

async function healthStatus(base: string): Promise<number | null> {
  try {
    return (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(10_000) })).status;
  } catch {
    return null;
  }
}

/** The designed outage page: its heading, no generic error, no stack trace, no error code. */
async function expectUnavailablePage(page: Page) {
  await expect(page.getByRole("heading", { name: "SSI Leaderboard is temporarily unavailable" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("Something went wrong")).toHaveCount(0);
  const text = await page.locator("body").innerText();
  expect(text).not.toMatch(/ECONNREFUSED|postgres|\bat \S+ \(|Error:/);
}

test("the app survives losing its database: 503 health, a designed outage page, and recovery by itself", async ({ page }) => {
  test.skip(!PG_URL, "needs a PostgreSQL server: set DATABASE_URL (CI does)");
  test.setTimeout(300_000);
  const admin = postgres(PG_URL!, { max: 1, onnotice: () => {} });
  const dbName = `ssi_e2e_outage_${process.pid}_${Date.now().toString(36)}`;
  await admin.unsafe(`create database "${dbName}"`);
  const target = new URL(PG_URL!);
  const proxy = new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  // Next to the suite's own server when E2E_PORT says where (machines shared by several runs); any free port else.
  const ownPort = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : undefined;
  if (ownPort) proxy.port = E2E_PORTS.outageProxy;
  await proxy.open(); // picks the port the app is told to use
  await proxy.close(); // and starts with the database unreachable
  const appDb = new URL(PG_URL!);
  appDb.hostname = "127.0.0.1";
  appDb.port = String(proxy.port);
  appDb.pathname = `/${dbName}`;

  const port = ownPort ? E2E_PORTS.outageApp : await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ssi-outage-"));
  const { DATABASE_URL: _a, E2E_DATABASE_URL: _b, E2E: _c, ...inherited } = process.env;
  let log = "";
  const server: ChildProcess = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: {
      ...inherited,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: appDb.toString(),
      AUTH_URL: base,
      AUTH_SECRET: randomBytes(32).toString("base64"),
      DATA_DIR: dataDir,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (d) => (log += d));
  server.stderr!.on("data", (d) => (log += d));

  try {
    // Down from the start: the server still comes up, says 503, and shows the outage page.
    await expect.poll(() => healthStatus(base), { timeout: 120_000, intervals: [500] }).not.toBeNull();
    const down = await fetch(`${base}/api/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: "unavailable", database: { kind: "postgres", reachable: false } });
    await page.goto(`${base}/tv/no-such-link`);
    await expectUnavailablePage(page);
    await test.info().attach("outage page", { body: await page.screenshot(), contentType: "image/png" });

    // The database comes back: the open page notices by itself and loads (a 404 for this made-up TV link).
    await proxy.open();
    await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible({ timeout: 30_000 });
    expect(await healthStatus(base)).toBe(200);

    // Signed in, in the middle of using the app: cut the database off again.
    const person = newPerson("outage");
    await new AuthPages(page).signUp(person, { from: `${base}/sign-up` });
    await expect(page).toHaveURL(`${base}/teams`);
    await expect(page.getByRole("heading", { name: `Welcome, ${person.name.split(" ")[0]}` })).toBeVisible();
    // A score saved through the API just before the outage: acknowledged, so it must survive it.
    await page.goto(`${base}/account`);
    await page.getByLabel("Token name").fill("Outage");
    await page.getByRole("button", { name: "Create token" }).click();
    const bearer = { authorization: `Bearer ${await page.getByTestId("new-token").inputValue()}` };
    const saved = await fetch(`${base}/api/v1/snapshots`, {
      method: "POST",
      headers: { ...bearer, "content-type": "application/json" },
      body: JSON.stringify({ brand: 18.5, people: 16, insights: 14.75, relationships: 21.25 }),
    });
    expect(saved.status).toBe(201);
    await page.goto(`${base}/teams`);
    await proxy.close();
    await expect.poll(() => healthStatus(base), { timeout: 15_000 }).toBe(503);
    // The API answers in its own error shape, with a hint when to retry; many calls at once all answer, none
    // hangs waiting for a reconnect (each is given 5 s, where postgres.js's back-off alone reached 20 s).
    const calls = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        fetch(`${base}/api/v1/snapshots`, { headers: i % 2 ? bearer : { authorization: "Bearer ssi_not-checked-while-down" }, signal: AbortSignal.timeout(5_000) }).then(
          async (r) => ({ status: r.status, retryAfter: r.headers.get("retry-after"), body: (await r.json()) as unknown }),
          (e: Error) => ({ status: 0, retryAfter: null, body: e.name }),
        ),
      ),
    );
    for (const api of calls) expect(api).toMatchObject({ status: 503, retryAfter: "30", body: { error: { code: "unavailable" } } });
    const response = await page.goto(`${base}/teams`, { timeout: 5_000 });
    expect(response?.status(), "the outage is 503 for monitors and proxies, not 200 or 500").toBe(503);
    expect(response?.headers()["retry-after"]).toBe("30");
    await expectUnavailablePage(page);
    // A second request while down is answered quickly too (connections are refused, not left hanging).
    await page.reload();
    await expectUnavailablePage(page);
    expect(server.exitCode, "the server is still running").toBeNull();

    // Back again: the page recovers without a reload by hand, the session intact, the score still there.
    await proxy.open();
    await expect(page.getByRole("heading", { name: `Welcome, ${person.name.split(" ")[0]}` })).toBeVisible({ timeout: 30_000 });
    expect(page.url()).toBe(`${base}/teams`);
    expect(await healthStatus(base)).toBe(200);
    const after = await fetch(`${base}/api/v1/snapshots`, { headers: bearer });
    expect(after.status).toBe(200);
    expect(((await after.json()) as { snapshots: unknown[] }).snapshots).toMatchObject([{ brand: 18.5, people: 16, insights: 14.75, relationships: 21.25 }]);
    expect(server.exitCode).toBeNull();
    expect(log).not.toMatch(/uncaughtException|unhandledRejection/);
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once("exit", resolve)));
    await proxy.close();
    await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await test.info().attach("server-log", { body: log, contentType: "text/plain" });
  }
});

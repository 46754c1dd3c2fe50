// The self-contained server (<distDir>/standalone, completed by scripts/standalone.mjs), started as a container
// starts it: `node server/cluster.mjs server.js` from its own folder, nothing of the project around
// it but the database. Health, a sign-in through the form, and the team's board.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { missingBuild, PORT_BASE, signIn, startProd, tempDir, withDb, type ProdServer } from "./server";

const PORT = PORT_BASE + 20;
const PASSWORD = "standalone password 1";
const tmp = tempDir("ssi-standalone-");
let server: ProdServer;
let slug: string;

describe.skipIf(missingBuild(true))("the standalone server", () => {
  beforeAll(async () => {
    const { hashPassword } = await import("@/lib/password");
    const { makeSnapshot, makeTeam, makeUser } = await import("@/db/testing/factories");
    const { addDays, todayInZone } = await import("@/lib/dates");
    await withDb({ pgliteDir: path.join(tmp.dir, "pglite") }, async () => {
      const user = await makeUser({ name: "Stand Alone", email: "owner@standalone.test", passwordHash: await hashPassword(PASSWORD) });
      slug = (await makeTeam(user.id, { name: "Standalone team" })).slug;
      await makeSnapshot(user.id, addDays(todayInZone("UTC"), -1), { brand: 20, people: 15.5, insights: 12.25, relationships: 18 });
    });
    server = await startProd({ port: PORT, dataDir: tmp.dir, standalone: true, env: { DISABLE_SCHEDULER: "1" } });
  });
  afterAll(async () => {
    await server?.stop();
    tmp.remove();
  });

  it("answers health, signs in through the form and shows the board", async () => {
    const health = await fetch(`${server.base}/api/health`);
    expect(await health.json()).toEqual({ status: "ok", database: { kind: "pglite", reachable: true } });
    const cookie = await signIn(server.base, "owner@standalone.test", PASSWORD);
    expect(cookie).toBeTruthy();
    const board = await fetch(`${server.base}/t/${slug}`, { headers: { cookie: cookie! } });
    expect(board.status).toBe(200);
    const html = await board.text();
    expect(html).toContain("Standalone team");
    expect(html).toContain("Stand Alone");
    // The board shows the total to one decimal (20 + 15.5 + 12.25 + 18 = 65.75) and each component to two.
    expect(html).toContain(">65.8<");
    expect(html).toContain("15.50");
    // The page's own script and style files are served from the build's static folder.
    const asset = /\/_next\/static\/[^"]+\.css/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    expect((await fetch(`${server.base}${asset}`)).status).toBe(200);
    // The preload runs here too: the request id comes back, and /api/metrics does not exist without its token.
    expect(board.headers.get("x-request-id")).toBeTruthy();
    expect((await fetch(`${server.base}/api/metrics`)).status).toBe(404);
  });

  it("stops cleanly on SIGTERM", async () => {
    const exit = await server.stop();
    expect(exit, server.lines.join("\n")).toEqual({ code: 0, signal: null });
  });
});

// The rendered-page cache (server/page-cache.mjs) on a production server, through HTTP: a second view of the board
// is answered from the cache; each answer has its own CSP nonce, the one its header allows; a committed write shows
// at once; a viewer never gets another's page; signed out, an ended session, removal from the team and the database
// being down answer as they do without the cache; the cache stays within its bound. PGlite by default; with
// DATABASE_URL the test makes (and drops) a PostgreSQL database of its own and also ends a session, removes a member
// and cuts the database off while the server runs (PGlite allows one opener: the test cannot write beside it).
import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrlFor } from "@/db/testing/pg-urls";
import { missingBuild, pgStatement, PORT_BASE, signIn, startProd, tempDir, withDb, type ProdServer } from "./server";

const PORT = PORT_BASE + 50;
const METRICS_TOKEN = "page-cache-metrics-token-0123456789";
const PASSWORD = "page cache password";
const serverUrl = process.env.DATABASE_URL;
const dbName = `${process.env.PROD_TEST_DB_PREFIX ?? "ssi_prod"}_pagecache_${process.pid}_${randomBytes(3).toString("hex")}`;
const url = serverUrl ? databaseUrlFor(serverUrl, dbName) : undefined;
const tmp = tempDir("ssi-page-cache-");
const target = url ? { url } : { pgliteDir: path.join(tmp.dir, "pglite") };

let server: ProdServer;
let slug: string;
let teamId: string;
let alice: { id: string; cookie: string; token: string };
let bob: { id: string; cookie: string };
let carol: { id: string; cookie: string };

const admin = (statement: string, db = serverUrl!) => pgStatement(db, statement);

async function cacheCount(outcome: string): Promise<number> {
  const text = await (await fetch(`${server.base}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const line = text.split("\n").find((l) => l.startsWith(outcome === "bytes" ? "ssi_page_cache_bytes " : `ssi_page_cache_requests_total{outcome="${outcome}"} `));
  return line ? Number(line.split(" ").pop()) : 0;
}

/** A page as a browser gets it (gzip accepted), not following redirects. */
async function view(pathname: string, cookie?: string) {
  const res = await fetch(`${server.base}${pathname}`, { redirect: "manual", headers: { "accept-encoding": "gzip", ...(cookie ? { cookie } : {}) } });
  return { status: res.status, headers: res.headers, html: await res.text() };
}

/** Every script nonce of a page, and the one its Content-Security-Policy allows. */
function nonces(page: { headers: Headers; html: string }) {
  const inBody = new Set([...page.html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]));
  const allowed = /'nonce-([^']+)'/.exec(page.headers.get("content-security-policy") ?? "")?.[1];
  return { inBody: [...inBody], allowed };
}

/** The name shown on the viewer's own ranked row ("You"), and the user menu's email. */
const ownRow = (html: string) => /<tr data-testid="board-row" data-user-name="([^"]+)"[^>]*aria-current="true"/.exec(html)?.[1];

describe.skipIf(missingBuild())("the rendered-page cache", () => {
  beforeAll(async () => {
    if (serverUrl) await admin(`create database "${dbName}"`);
    const { hashPassword } = await import("@/lib/password");
    const { addMember, makeSnapshot, makeTeam, makeUser } = await import("@/db/testing/factories");
    const { createApiToken } = await import("@/db/queries/api-tokens");
    const hash = await hashPassword(PASSWORD);
    const people = await withDb(target, async () => {
      const a = await makeUser({ name: "Alice Cache", email: "alice@page-cache.test", passwordHash: hash });
      const b = await makeUser({ name: "Bob Cache", email: "bob@page-cache.test", passwordHash: hash });
      const c = await makeUser({ name: "Carol Cache", email: "carol@page-cache.test", passwordHash: hash });
      const team = await makeTeam(a.id, { name: "Cache team" });
      await addMember(team.id, b.id);
      await addMember(team.id, c.id);
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      for (const [u, brand] of [[a, 20], [b, 15], [c, 10]] as const) await makeSnapshot(u.id, yesterday, { brand, people: 10, insights: 10, relationships: 10 });
      return { a, b, c, team, token: (await createApiToken(a.id, "cache test")).token };
    });
    slug = people.team.slug;
    teamId = people.team.id;
    server = await startProd({
      port: PORT,
      dataDir: tmp.dir,
      env: { METRICS_TOKEN, DISABLE_SCHEDULER: "1", PAGE_CACHE_MAX_MB: "1", ...(url ? { DATABASE_URL: url } : {}) },
    });
    const cookie = async (email: string) => (await signIn(server.base, email, PASSWORD))!;
    alice = { id: people.a.id, cookie: await cookie("alice@page-cache.test"), token: people.token };
    bob = { id: people.b.id, cookie: await cookie("bob@page-cache.test") };
    carol = { id: people.c.id, cookie: await cookie("carol@page-cache.test") };
  });
  afterAll(async () => {
    await server?.stop();
    tmp.remove();
    if (serverUrl) await admin(`drop database if exists "${dbName}" with (force)`);
  });

  it("answers a second view from the cache, with a nonce of its own that its policy allows", async () => {
    const hits = await cacheCount("hit");
    const first = await view(`/t/${slug}`, alice.cookie);
    const second = await view(`/t/${slug}`, alice.cookie);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(await cacheCount("hit")).toBe(hits + 1);
    for (const page of [first, second]) {
      const n = nonces(page);
      expect(n.inBody).toEqual([n.allowed]);
      expect(page.headers.get("set-cookie")).toBeNull();
      expect(page.headers.get("x-request-id")).toBeTruthy();
    }
    expect(nonces(first).allowed).not.toBe(nonces(second).allowed);
    expect(second.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
    // The same page otherwise: the same markup once the nonces are set aside.
    const unstamped = (p: { html: string; headers: Headers }) => p.html.replaceAll(nonces(p).allowed!, "NONCE");
    expect(unstamped(second)).toBe(unstamped(first));
    expect(ownRow(second.html)).toBe("Alice Cache");
    // Without gzip, the same page uncompressed.
    const plain = await fetch(`${server.base}/t/${slug}`, { headers: { cookie: alice.cookie, "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toContain('data-user-name="Alice Cache"');
  });

  it("gives each viewer their own page", async () => {
    await view(`/t/${slug}`, alice.cookie);
    for (let i = 0; i < 2; i++) {
      const page = await view(`/t/${slug}`, bob.cookie);
      expect(page.status).toBe(200);
      expect(ownRow(page.html)).toBe("Bob Cache");
      expect(page.html).toContain("bob@page-cache.test");
      expect(page.html).not.toContain("alice@page-cache.test");
    }
    // A member is not a manager: the dashboard is a 404 for them, cached for the owner or not.
    await view(`/t/${slug}/dashboard`, alice.cookie);
    expect((await view(`/t/${slug}/dashboard`, alice.cookie)).status).toBe(200);
    expect((await view(`/t/${slug}/dashboard`, bob.cookie)).status).toBe(404);
  });

  it("shows a score written through the API on the next view", async () => {
    await view(`/t/${slug}`, bob.cookie);
    expect((await view(`/t/${slug}`, bob.cookie)).html).toContain(">50.0<");
    const res = await fetch(`${server.base}/api/v1/snapshots`, {
      method: "POST",
      headers: { authorization: `Bearer ${alice.token}`, "content-type": "application/json" },
      body: JSON.stringify({ brand: 24.5, people: 24, insights: 23, relationships: 22 }),
    });
    expect([200, 201]).toContain(res.status);
    for (const viewer of [alice, bob]) expect((await view(`/t/${slug}`, viewer.cookie)).html).toContain(">93.5<");
  });

  it("sends a signed-out visitor, or one with a cookie that does not decode, to sign-in as before", async () => {
    await view(`/t/${slug}`, alice.cookie);
    for (const cookie of [undefined, "authjs.session-token=not-a-token"]) {
      const page = await view(`/t/${slug}`, cookie);
      expect(page.status).toBe(307);
      expect(page.headers.get("location")).toContain("/sign-in");
      expect(page.html).not.toContain("Alice Cache");
    }
    // Next's own router requests are never answered from the cache.
    const rsc = await fetch(`${server.base}/t/${slug}`, { headers: { cookie: alice.cookie, rsc: "1" } });
    expect(rsc.headers.get("content-type")).toContain("text/x-component");
  });

  it.skipIf(!url)("refuses an ended session, a removed member and a database that is down, as without the cache", async () => {
    // Carol's page is cached; then her session ends (as signing out does), then she is removed from the team.
    await view(`/t/${slug}`, carol.cookie);
    expect(ownRow((await view(`/t/${slug}`, carol.cookie)).html)).toBe("Carol Cache");
    await admin(`delete from sessions where user_id = '${carol.id}'`, url);
    const ended = await view(`/t/${slug}`, carol.cookie);
    expect(ended.status).toBe(307);
    expect(ended.headers.get("location")).toContain("/sign-in");
    expect(ended.html).not.toContain("Carol Cache");
    const fresh = (await signIn(server.base, "carol@page-cache.test", PASSWORD))!;
    await view(`/t/${slug}`, fresh);
    expect((await view(`/t/${slug}`, fresh)).status).toBe(200);
    await admin(`delete from memberships where team_id = '${teamId}' and user_id = '${carol.id}'`, url);
    expect((await view(`/t/${slug}`, fresh)).status).toBe(404);

    // The database is cut off: the outage page with 503, not the cached board; back, the board again.
    await view(`/t/${slug}`, alice.cookie);
    expect((await view(`/t/${slug}`, alice.cookie)).status).toBe(200);
    await admin(`alter database "${dbName}" allow_connections false`);
    await admin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${dbName}' and pid <> pg_backend_pid()`);
    try {
      await expect.poll(async () => (await fetch(`${server.base}/api/health`)).status, { timeout: 20_000 }).toBe(503);
      const down = await view(`/t/${slug}`, alice.cookie);
      expect(down.status).toBe(503);
      expect(down.html).not.toContain("Alice Cache");
    } finally {
      await admin(`alter database "${dbName}" allow_connections true`);
    }
    await expect.poll(async () => (await view(`/t/${slug}`, alice.cookie)).status, { timeout: 20_000 }).toBe(200);
  });

  it("stays within its bound (PAGE_CACHE_MAX_MB) however many pages are viewed", async () => {
    const stored = await cacheCount("stored");
    for (let day = 1; day <= 28; day++) {
      const page = await view(`/t/${slug}?asOf=2026-02-${String(day).padStart(2, "0")}`, alice.cookie);
      expect(page.status).toBe(200);
    }
    expect(await cacheCount("stored")).toBeGreaterThanOrEqual(stored + 28);
    const bytes = await cacheCount("bytes");
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(1024 * 1024);
  });
});

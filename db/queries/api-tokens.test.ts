import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../client";
import { setupTestDatabase } from "../testing/test-db";
import { addMember, makeSnapshot, makeTeam, makeUser } from "../testing/factories";
import { apiTokens, rateLimits, snapshots } from "../schema";
import { setHideComponents } from "./account";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens";
import { GET as listSnapshots, POST as postSnapshot } from "@/app/api/v1/snapshots/route";
import { GET as getLeaderboard } from "@/app/api/v1/teams/[slug]/leaderboard/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { todayInZone } from "@/lib/dates";

const t = setupTestDatabase();
const BASE = "http://localhost/api/v1";

const req = (path: string, opts: { token?: string; method?: string; body?: unknown; raw?: string } = {}) =>
  new Request(`${BASE}${path}`, {
    method: opts.method ?? "GET",
    headers: { ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}), "Content-Type": "application/json" },
    body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
const post = (token: string | undefined, body: unknown, raw?: string) => postSnapshot(req("/snapshots", { token, method: "POST", body, raw }));
const board = (token: string, slug: string, query = "") =>
  getLeaderboard(req(`/teams/${slug}/leaderboard${query}`, { token }), { params: Promise.resolve({ slug }) });
const countSnapshots = async (userId: string) => (await t.db().select().from(snapshots).where(eq(snapshots.userId, userId))).length;

async function setup() {
  const owner = await makeUser({ name: "Owner Ola" });
  const team = await makeTeam(owner.id, { timeZone: "Pacific/Auckland" });
  const rep = await makeUser({ name: "Rep Rui" });
  await addMember(team.id, rep.id);
  const { token, id } = await createApiToken(rep.id, "script");
  const slug = (await t.db().query.teams.findFirst({ where: (x, { eq: e }) => e(x.id, team.id) }))!.slug;
  return { owner, team, rep, token, tokenId: id, slug };
}

const VALID = { brand: 18.5, people: 16.25, insights: 14.75, relationships: 21.4 };

describe(`public API on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("records a snapshot with a token (today in the team's zone by default), lists it and shows it on the board", async () => {
    const { rep, token, slug } = await setup();
    const res = await post(token, { ...VALID, team: slug });
    expect(res.status).toBe(201);
    const body = await res.json();
    const today = todayInZone("Pacific/Auckland");
    expect(body).toMatchObject({ replaced: false, snapshot: { measuredOn: today, total: 70.9, brand: 18.5 } });

    const again = await post(token, { ...VALID, brand: 19.5, measuredOn: today, team: slug });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ replaced: true, snapshot: { total: 71.9 } });

    const list = await listSnapshots(req("/snapshots", { token }));
    expect(list.status).toBe(200);
    expect((await list.json()).snapshots).toEqual([expect.objectContaining({ measuredOn: today, total: 71.9 })]);

    const b = await board(token, slug);
    expect(b.status).toBe(200);
    const entries = (await b.json()).entries as { name: string; rank: number; total: number; isYou: boolean }[];
    expect(entries.find((e) => e.name === "Rep Rui")).toMatchObject({ rank: 1, total: 71.9, isYou: true });
    expect(await countSnapshots(rep.id)).toBe(1);

    const tokens = await listApiTokens(rep.id);
    expect(tokens[0]!.lastUsedAt).toBeInstanceOf(Date);
  });

  it("answers with the stored snapshot for an old date, even behind years of newer ones", async () => {
    const { rep, token } = await setup();
    // 1,100 daily snapshots after the date: more than any page of recent rows.
    const days = Array.from({ length: 1100 }, (_, i) => new Date(Date.UTC(2022, 0, 2 + i)).toISOString().slice(0, 10));
    await t.db().insert(snapshots).values(
      days.map((measuredOn) => ({ userId: rep.id, measuredOn, total: 40, brand: 10, people: 10, insights: 10, relationships: 10 })),
    );
    const res = await post(token, { ...VALID, measuredOn: "2021-06-01" });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ replaced: false, snapshot: { measuredOn: "2021-06-01", total: 70.9 } });
  });

  it("answers 401 without a token, with an unknown one and with a revoked one, and stores nothing", async () => {
    const { rep, token, tokenId } = await setup();
    for (const bad of [undefined, "ssi_not-a-real-token", "nonsense"]) {
      const res = await post(bad, VALID);
      expect(res.status, String(bad)).toBe(401);
      expect((await res.json()).error).toMatchObject({ code: "unauthorized", message: expect.any(String) });
    }
    expect(await revokeApiToken(rep.id, tokenId)).toBe(true);
    const revoked = await post(token, VALID);
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).error.message).toMatch(/revoked/);
    expect((await listSnapshots(req("/snapshots", { token }))).status).toBe(401);
    expect(await countSnapshots(rep.id)).toBe(0);
    // A refused token counts nothing: this token was never used while it was valid.
    expect(await t.db().select({ key: rateLimits.key }).from(rateLimits).where(eq(rateLimits.key, `api:${tokenId}`))).toEqual([]);
  });

  it("counts each authenticated request once against its token, in the same statement as the token check", async () => {
    const { token, tokenId } = await setup();
    for (let i = 0; i < 3; i++) expect((await listSnapshots(req("/snapshots", { token }))).status).toBe(200);
    expect((await post(token, VALID)).status).toBe(201);
    expect(await t.db().select({ count: rateLimits.count }).from(rateLimits).where(eq(rateLimits.key, `api:${tokenId}`))).toEqual([{ count: 4 }]);
    // The last-used time is written at most once a minute: a busy script does not write on every call.
    const [first] = await t.db().select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, tokenId));
    await t.db().update(apiTokens).set({ lastUsedAt: new Date(Date.now() - 30_000) }).where(eq(apiTokens.id, tokenId));
    await listSnapshots(req("/snapshots", { token }));
    const [recent] = await t.db().select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, tokenId));
    expect(Date.now() - recent!.at!.getTime()).toBeGreaterThanOrEqual(29_000);
    await t.db().update(apiTokens).set({ lastUsedAt: new Date(Date.now() - 120_000) }).where(eq(apiTokens.id, tokenId));
    await listSnapshots(req("/snapshots", { token }));
    const [touched] = await t.db().select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, tokenId));
    expect(Date.now() - touched!.at!.getTime()).toBeLessThan(10_000);
    expect(first!.at).toBeInstanceOf(Date);
  });

  it("answers 400 for a body that is not a JSON object and for bad query parameters", async () => {
    const { token, slug } = await setup();
    const res = await post(token, undefined, "{not json");
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("bad_request");
    expect((await post(token, [1, 2])).status).toBe(400);
    const q = await listSnapshots(req("/snapshots?limit=0", { token }));
    expect(q.status).toBe(400);
    expect((await q.json()).error.fields.limit).toBeDefined();
    const by = await board(token, slug, "?by=charisma");
    expect(by.status).toBe(400);
    expect((await by.json()).error.fields.by[0]).toMatch(/total, brand/);
  });

  it("answers 422 with the form's messages per field and saves nothing", async () => {
    const { rep, token } = await setup();
    const res = await post(token, { ...VALID, brand: 26, people: "abc", measuredOn: "2099-01-01" });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe("validation_failed");
    expect(error.fields.brand).toEqual(["Establish your professional brand must be between 0 and 25."]);
    expect(error.fields.people).toEqual(["Find the right people must be a number, e.g. 18.52."]);
    expect(error.fields.measuredOn).toEqual(["The date can't be in the future."]);
    const mismatch = await post(token, { ...VALID, total: 90 });
    expect((await mismatch.json()).error.fields.total).toEqual(["Total must equal the sum of the four components (±0.5)."]);
    expect(await countSnapshots(rep.id)).toBe(0);
  });

  it("answers 404 for a team the caller is not in, on the board and as the `team` of a snapshot", async () => {
    const { rep, token } = await setup();
    const other = await makeUser();
    const otherTeam = await makeTeam(other.id);
    const otherSlug = (await t.db().query.teams.findFirst({ where: (x, { eq: e }) => e(x.id, otherTeam.id) }))!.slug;
    for (const slug of [otherSlug, "no-such-team"]) {
      const res = await board(token, slug);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe("not_found");
    }
    expect((await post(token, { ...VALID, team: otherSlug })).status).toBe(404);
    expect(await countSnapshots(rep.id)).toBe(0);
  });

  it("rate limits per token with 429 and Retry-After, without touching other tokens", async () => {
    const { rep, token, tokenId } = await setup();
    const { token: second } = await createApiToken(rep.id, "second");
    // 59 requests used in this window; the 60th passes, the 61st is refused.
    await t.db().insert(rateLimits).values({ key: `api:${tokenId}`, windowStart: new Date(), count: 59 });
    expect((await listSnapshots(req("/snapshots", { token }))).status).toBe(200);
    const limited = await post(token, VALID);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe("rate_limited");
    expect(await countSnapshots(rep.id)).toBe(0);
    expect((await listSnapshots(req("/snapshots", { token: second }))).status).toBe(200);
    // An expired window starts counting again.
    await t.db().update(rateLimits).set({ windowStart: new Date(Date.now() - 120_000) }).where(eq(rateLimits.key, `api:${tokenId}`));
    expect((await post(token, VALID)).status).toBe(201);
  });

  it("commits an accepted write in one transaction with its count; a refused one commits its count alone", async () => {
    const { rep, token, tokenId } = await setup();
    const countOf = async () =>
      (await queryRows<{ n: number; tx: string }>(t.db(), sql`select count::int as n, xmin::text as tx from rate_limits where key = ${`api:${tokenId}`}`))[0]!;
    expect((await post(token, { ...VALID, measuredOn: "2026-01-05" })).status).toBe(201);
    const [stored] = await queryRows<{ tx: string }>(t.db(), sql`select xmin::text as tx from snapshots where user_id = ${rep.id}`);
    // The same transaction id wrote the count and the row: one commit.
    expect((await countOf())).toEqual({ n: 1, tx: stored!.tx });
    // A replacement is accepted too: still counted once.
    const again = await post(token, { ...VALID, brand: 19, measuredOn: "2026-01-05" });
    expect([again.status, (await again.json()).replaced]).toEqual([200, true]);
    expect((await countOf()).n).toBe(2);
    // Refused before writing (invalid fields, a bad body): counted all the same, nothing stored.
    expect((await post(token, { ...VALID, brand: 99 })).status).toBe(422);
    expect((await post(token, undefined, "{nope")).status).toBe(400);
    expect((await countOf()).n).toBe(4);
    expect(await countSnapshots(rep.id)).toBe(1);
    // Over the limit, an invalid request is answered 429 as before (the limit is decided first), and its count kept.
    await t.db().update(rateLimits).set({ count: 60 }).where(eq(rateLimits.key, `api:${tokenId}`));
    expect((await post(token, { ...VALID, brand: 99 })).status).toBe(429);
    const refusedWrite = await post(token, { ...VALID, measuredOn: "2026-01-06" });
    expect(refusedWrite.status).toBe(429);
    expect((await countOf()).n).toBe(62);
    expect(await countSnapshots(rep.id)).toBe(1);
  });

  it("respects a teammate's hidden components on the board, as the page does", async () => {
    const { team, token, slug } = await setup();
    const shy = await makeUser({ name: "Shy Sam" });
    await addMember(team.id, shy.id);
    const today = todayInZone("Pacific/Auckland");
    await makeSnapshot(shy.id, today, { brand: 11.11, people: 12.22, insights: 13.33, relationships: 14.44 });
    await setHideComponents(shy.id, true);
    const text = await (await board(token, slug)).text();
    expect(text).toContain("Shy Sam");
    expect(text).not.toContain("11.11");
    expect(text).toContain('"hidden":true');
  });

  it("stores only a hash of the token", async () => {
    const { rep, token } = await setup();
    const rows = await t.db().select().from(apiTokens).where(eq(apiTokens.userId, rep.id));
    expect(rows[0]!.tokenHash).not.toContain(token);
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("publishes an OpenAPI document whose request body comes from the snapshot schema", async () => {
    const doc = await (await getOpenApi()).json();
    const body = doc.components.schemas.SnapshotInput;
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(["measuredOn", "brand", "people", "insights", "relationships", "total", "team"]));
    expect(body.required).toEqual(["brand", "people", "insights", "relationships"]);
    expect(body.properties.brand).toMatchObject({ type: "number", minimum: 0, maximum: 25 });
    expect(Object.keys(doc.paths)).toEqual(["/snapshots", "/teams/{slug}/leaderboard"]);
  });
});

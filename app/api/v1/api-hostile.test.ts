// Property-based tests of the JSON API, calling the route handlers as Next would: random and hostile bodies and
// query strings get a 4xx JSON error naming the field (never a 500), and a refused request writes nothing.
import fc from "fast-check";
import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createApiToken } from "@/db/queries/api-tokens";
import { auditLog, snapshots } from "@/db/schema";
import { addMember, makeSnapshot, makeTeam, makeUser } from "@/db/testing/factories";
import { setupTestDatabase } from "@/db/testing/test-db";
import { addDays, todayInZone } from "@/lib/dates";
import { RANK_BY } from "@/lib/ranking";
import { hostileRecord, hostileString, hostileValue, rawJson } from "@/lib/testing/hostile";
import { SNAPSHOT_FIELDS } from "@/lib/validation/snapshot";
import { GET as listSnapshots, POST as postSnapshot } from "./snapshots/route";
import { GET as getLeaderboard } from "./teams/[slug]/leaderboard/route";

const t = setupTestDatabase();
const RUNS = { numRuns: 50 };

async function counts() {
  const [s] = await t.db().select({ n: count() }).from(snapshots);
  const [a] = await t.db().select({ n: count() }).from(auditLog);
  return { snapshots: s!.n, audit: a!.n };
}

let seq = 0;
/** A fresh member of the team with a token of their own (and an address of their own), so no rate limit is hit. */
async function caller(teamId: string) {
  const user = await makeUser();
  await addMember(teamId, user.id);
  const { token } = await createApiToken(user.id, "fuzz");
  const n = ++seq;
  const headers = { authorization: `Bearer ${token}`, "x-forwarded-for": `127.1.${n >> 8}.${n & 255}` };
  return { user, headers };
}

type ApiError = { error: { code: string; message: string; fields?: Record<string, string[]> } };

/** The response is JSON; an error one has the API's shape with a message, and a 4xx status. */
async function readJson(res: Response) {
  expect(res.status, "status").toBeLessThan(500);
  expect(res.headers.get("content-type")).toMatch(/application\/json/);
  const body = (await res.json()) as unknown;
  if (res.status >= 400) {
    const e = (body as ApiError).error;
    expect(typeof e.code).toBe("string");
    expect(e.message.length).toBeGreaterThan(0);
  }
  return body;
}

describe(`JSON API with hostile input on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("POST /api/v1/snapshots: a 4xx naming each bad field and nothing written, or exactly the one snapshot saved", async () => {
    const owner = await makeUser();
    const team = await makeTeam(owner.id);
    const today = todayInZone("UTC");
    const score = fc.integer({ min: 0, max: 25_000 }).map((n) => n / 1000);
    const valid = {
      measuredOn: fc.integer({ min: 0, max: 30 }).map((n) => addDays(today, -n)),
      brand: score,
      people: score,
      insights: fc.oneof(score, score.map(String)),
      relationships: score,
      industryRank: fc.integer({ min: 1, max: 100 }),
      team: fc.constant(team.slug),
    };
    const body = fc.oneof(
      { arbitrary: hostileRecord(valid).map(rawJson), weight: 6 },
      { arbitrary: hostileValue.map(rawJson), weight: 1 },
      { arbitrary: hostileString, weight: 1 },
      { arbitrary: fc.constantFrom("[".repeat(100_000), `{"brand":${"[".repeat(5000)}`, `{"brand": 1e400}`, `{"measuredOn": "2025-01-01\\u0000"}`), weight: 1 },
    );

    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const { user, headers } = await caller(team.id);
        const before = await counts();
        const res = await postSnapshot(new Request("http://localhost/api/v1/snapshots", { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: text }));
        const json = await readJson(res);
        const after = await counts();
        if (res.status >= 400) {
          expect(after, "a refused request writes nothing").toEqual(before);
          expect([400, 404, 413, 422]).toContain(res.status);
          const e = (json as ApiError).error;
          if (res.status === 422) {
            const fields = Object.keys(e.fields ?? {});
            expect(fields.length).toBeGreaterThan(0);
            for (const f of fields) {
              expect([...SNAPSHOT_FIELDS, "team"]).toContain(f);
              expect(e.fields![f]!.every((m) => typeof m === "string" && m.length > 0)).toBe(true);
            }
          }
          if (res.status === 404) expect(e.message).toMatch(/team/);
          if (res.status === 400) expect(e.message).toMatch(/JSON object/);
          if (res.status === 413) expect(new TextEncoder().encode(text).length).toBeGreaterThan(8 * 1024);
          return;
        }
        expect([200, 201]).toContain(res.status);
        const saved = (json as { snapshot: Record<string, number> & { measuredOn: string } }).snapshot;
        expect(saved.measuredOn >= "2014-01-01" && saved.measuredOn <= today).toBe(true);
        for (const c of ["brand", "people", "insights", "relationships"]) expect(saved[c]! >= 0 && saved[c]! <= 25).toBe(true);
        expect(after.snapshots).toBe(before.snapshots + 1);
        void user;
      }),
      RUNS,
    );
  });

  it("GET the leaderboard and the snapshot list: hostile slugs and query strings get 400/404 naming the parameter", async () => {
    const owner = await makeUser();
    const team = await makeTeam(owner.id);
    await makeSnapshot(owner.id, addDays(todayInZone("UTC"), -1), 50);
    const query = fc.oneof(fc.constant(undefined), hostileString, fc.constantFrom("2025-01-01", "total", "brand", "10", "0000-01-01", "-1", "1e3"));
    const slug = fc.oneof({ arbitrary: fc.constant(team.slug), weight: 2 }, { arbitrary: hostileString, weight: 1 });

    await fc.assert(
      fc.asyncProperty(slug, query, query, query, async (s, asOf, by, limit) => {
        const { headers } = await caller(team.id);
        const before = await counts();
        const url = new URL(`http://localhost/api/v1/teams/x/leaderboard`);
        if (asOf !== undefined) url.searchParams.set("asOf", asOf);
        if (by !== undefined) url.searchParams.set("by", by);
        const res = await getLeaderboard(new Request(url, { headers }), { params: Promise.resolve({ slug: s }) });
        const json = await readJson(res);
        if (res.status === 404) expect(s).not.toBe(team.slug);
        else if (res.status === 400) {
          const fields = Object.keys((json as ApiError).error.fields ?? {});
          expect(fields.length).toBeGreaterThan(0);
          for (const f of fields) expect(["asOf", "by"]).toContain(f);
        } else {
          expect(res.status).toBe(200);
          expect(RANK_BY).toContain((json as { by: string }).by);
        }

        const list = new URL("http://localhost/api/v1/snapshots");
        if (limit !== undefined) list.searchParams.set("limit", limit);
        if (asOf !== undefined) list.searchParams.set("since", asOf);
        const listed = await listSnapshots(new Request(list, { headers }));
        const body = await readJson(listed);
        if (listed.status !== 200) {
          expect(listed.status).toBe(400);
          for (const f of Object.keys((body as ApiError).error.fields ?? {})) expect(["limit", "since"]).toContain(f);
        }
        expect((await counts()).snapshots).toBe(before.snapshots);
      }),
      RUNS,
    );
  });
});

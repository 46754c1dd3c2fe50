// The snapshot API's write as one statement (writeApiSnapshot) behind a memoised caller lookup: what a script
// calling POST /api/v1/snapshots would notice when its token is revoked, its limit is reached, it replaces a
// score, its team's channel takes highlights, or it writes many dates at once.
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../client";
import { setupTestDatabase } from "../testing/test-db";
import { addMember, makeTeam, makeUser } from "../testing/factories";
import { auditLog, channelHighlights, rateLimits, snapshots, teamChannels, users } from "../schema";
import { createApiToken, revokeApiToken } from "./api-tokens";
import { POST as postSnapshot } from "@/app/api/v1/snapshots/route";
import { addDays, todayInZone } from "@/lib/dates";

const t = setupTestDatabase();
const VALID = { brand: 18.5, people: 16.25, insights: 14.75, relationships: 21.4 }; // total 70.9

const post = (token: string, body: unknown) =>
  postSnapshot(
    new Request("http://localhost/api/v1/snapshots", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
const storedDates = async (userId: string) =>
  (await t.db().select({ d: snapshots.measuredOn }).from(snapshots).where(eq(snapshots.userId, userId))).map((r) => r.d).sort();
const countOf = async (tokenId: string) =>
  (await t.db().select({ n: rateLimits.count }).from(rateLimits).where(eq(rateLimits.key, `api:${tokenId}`)))[0]?.n ?? 0;

async function rep(timeZone?: string) {
  const user = await makeUser({ name: "Rep Rui" });
  if (timeZone) await t.db().update(users).set({ timeZone }).where(eq(users.id, user.id));
  const { token, id: tokenId } = await createApiToken(user.id, "script");
  return { user, token, tokenId };
}

describe(`POST /api/v1/snapshots in one statement on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("a token revoked after it was used (its caller memoised) gets 401 on the next write, which stores and counts nothing", async () => {
    const { user, token, tokenId } = await rep();
    expect((await post(token, { ...VALID, measuredOn: "2026-02-01" })).status).toBe(201);
    expect(await revokeApiToken(user.id, tokenId)).toBe(true);
    for (const body of [{ ...VALID, measuredOn: "2026-02-02" }, { ...VALID, measuredOn: "2026-02-01" }]) {
      const res = await post(token, body);
      expect(res.status).toBe(401);
      expect((await res.json()).error).toMatchObject({ code: "unauthorized", message: expect.stringMatching(/revoked/) });
    }
    expect(await storedDates(user.id)).toEqual(["2026-02-01"]);
    expect(await countOf(tokenId)).toBe(1);
    expect(await t.db().select().from(auditLog).where(eq(auditLog.subjectId, user.id))).toEqual([]);
  });

  it("a deleted account's token (its caller memoised) gets 401, not an error", async () => {
    const { user, token } = await rep();
    expect((await post(token, { ...VALID, measuredOn: "2026-02-01" })).status).toBe(201);
    await t.db().delete(users).where(eq(users.id, user.id));
    const res = await post(token, { ...VALID, measuredOn: "2026-02-02" });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized");
  });

  it("takes exactly the limit's 60 writes a minute; the 61st is 429 with Retry-After and stores nothing", async () => {
    const { user, token, tokenId } = await rep();
    const dates = Array.from({ length: 61 }, (_, i) => addDays("2025-06-30", -i));
    for (const measuredOn of dates.slice(0, 60)) expect((await post(token, { ...VALID, measuredOn })).status, measuredOn).toBe(201);
    const refused = await post(token, { ...VALID, measuredOn: dates[60] });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe("rate_limited");
    // A replacement over the limit is refused too, and leaves the stored score as it was.
    expect((await post(token, { ...VALID, brand: 1, measuredOn: dates[0] })).status).toBe(429);
    expect(await storedDates(user.id)).toEqual(dates.slice(0, 60).sort());
    const [first] = await t.db().select({ brand: snapshots.brand }).from(snapshots).where(and(eq(snapshots.userId, user.id), eq(snapshots.measuredOn, dates[0]!)));
    expect(first!.brand).toBe(18.5);
    expect(await countOf(tokenId)).toBe(62);
  });

  it("a replacement answers 200 with the new values, audited with the total it replaced, and is counted once", async () => {
    const owner = await makeUser();
    const team = await makeTeam(owner.id);
    const { user, token, tokenId } = await rep();
    await addMember(team.id, user.id);
    const slug = (await t.db().query.teams.findFirst({ where: (x, { eq: e }) => e(x.id, team.id) }))!.slug;
    expect((await post(token, { ...VALID, measuredOn: "2026-01-05" })).status).toBe(201);
    const again = await post(token, { ...VALID, brand: 10.5, measuredOn: "2026-01-05", team: slug });
    expect(again.status).toBe(200);
    const body = await again.json();
    expect(body).toEqual({
      replaced: true,
      snapshot: expect.objectContaining({ measuredOn: "2026-01-05", brand: 10.5, total: 62.9, enteredByManager: false, updatedAt: expect.any(String) }),
    });
    const audits = await queryRows<{ action: string; team_id: string | null; actor_id: string; details: unknown; tx: string }>(
      t.db(),
      sql`select action, team_id, actor_id, details, xmin::text as tx from audit_log where subject_id = ${user.id}`,
    );
    expect(audits).toHaveLength(1);
    const details = typeof audits[0]!.details === "string" ? JSON.parse(audits[0]!.details) : audits[0]!.details;
    expect(audits[0]).toMatchObject({ action: "snapshot.replace", team_id: team.id, actor_id: user.id });
    expect(details).toEqual({ measuredOn: "2026-01-05", total: 62.9, previousTotal: 70.9 });
    // The replaced row and its audit are one commit; the request was counted once (by the statement before it).
    const [stored] = await queryRows<{ total: number; source: string; tx: string }>(
      t.db(),
      sql`select total::float8 as total, source, xmin::text as tx from snapshots where user_id = ${user.id}`,
    );
    expect(stored).toEqual({ total: 62.9, source: "api", tx: audits[0]!.tx });
    expect(await countOf(tokenId)).toBe(2);
  });

  it("a person in a team whose channel takes highlights still gets the highlight recorded, and is counted once", async () => {
    const owner = await makeUser();
    const team = await makeTeam(owner.id);
    const { user, token, tokenId } = await rep();
    await addMember(team.id, user.id);
    await t.db().insert(teamChannels).values({ teamId: team.id, kind: "slack", webhookUrl: "https://hooks.slack.com/services/T/B/x", urlHint: "…/x" });
    expect((await post(token, { ...VALID, measuredOn: "2026-03-02" })).status).toBe(201);
    const highlights = await t.db().select({ kind: channelHighlights.kind, mark: channelHighlights.mark }).from(channelHighlights).where(eq(channelHighlights.userId, user.id));
    expect(highlights).toEqual([{ kind: "personal_best", mark: 70 }]);
    expect(await countOf(tokenId)).toBe(1);
    expect(await storedDates(user.id)).toEqual(["2026-03-02"]);
  });

  it("decides today in the person's new time zone right after they change it, memoised caller or not", async () => {
    // UTC+14 and UTC-11: "today" is never the same date in both, and today in the first is the future in the second.
    const [east, west] = ["Pacific/Kiritimati", "Pacific/Pago_Pago"] as const;
    const { user, token, tokenId } = await rep(east);
    const setZone = (timeZone: string) => t.db().update(users).set({ timeZone }).where(eq(users.id, user.id));
    const first = await post(token, VALID);
    expect((await first.json()).snapshot.measuredOn).toBe(todayInZone(east));
    await setZone(west);
    const second = await post(token, VALID);
    expect(second.status).toBe(201);
    expect((await second.json()).snapshot.measuredOn).toBe(todayInZone(west));
    // Today in the east, just after moving back there: not refused as a future date of the zone before.
    await setZone(east);
    const back = await post(token, { ...VALID, brand: 20, measuredOn: todayInZone(east) });
    expect([back.status, (await back.json()).replaced]).toEqual([200, true]);
    // And after moving west again, the east's today is a future date: refused, as the form would.
    await setZone(west);
    const future = await post(token, { ...VALID, measuredOn: todayInZone(east) });
    expect(future.status).toBe(422);
    expect((await future.json()).error.fields.measuredOn).toEqual(["The date can't be in the future."]);
    expect(await storedDates(user.id)).toEqual([todayInZone(west), todayInZone(east)].sort());
    expect(await countOf(tokenId)).toBe(4);
  });

  it("concurrent writes of distinct dates are all stored, each counted once; concurrent saves of one date leave one row", async () => {
    const { user, token, tokenId } = await rep();
    const dates = Array.from({ length: 20 }, (_, i) => addDays("2025-01-31", -i));
    const answers = await Promise.all(dates.map((measuredOn) => post(token, { ...VALID, measuredOn })));
    expect(answers.map((a) => a.status)).toEqual(dates.map(() => 201));
    expect(await storedDates(user.id)).toEqual([...dates].sort());
    // Five saves of one new date at once: one is new, four replace, each audit names a total that was stored.
    const same = [10, 11, 12, 13, 14];
    const racing = await Promise.all(same.map((brand) => post(token, { ...VALID, brand, measuredOn: "2025-02-15" })));
    expect(racing.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    const audits = await t.db().select({ details: auditLog.details }).from(auditLog).where(and(eq(auditLog.subjectId, user.id), eq(auditLog.action, "snapshot.replace")));
    const totals = same.map((b) => Math.round((b + 16.25 + 14.75 + 21.4) * 1000) / 1000);
    expect(audits).toHaveLength(4);
    for (const a of audits) expect(totals).toContain(a.details.previousTotal);
    expect(await countOf(tokenId)).toBe(25);
    expect((await storedDates(user.id)).filter((d) => d === "2025-02-15")).toHaveLength(1);
  });
});

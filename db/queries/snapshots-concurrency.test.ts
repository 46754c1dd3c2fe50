// Many people saving at the same moment, some saving the same date twice with different values: afterwards exactly
// one row per person and date holds one of the submitted values, nothing failed or deadlocked, and each replacement
// left one audit row naming the value it replaced.
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/test-db";
import { addMember, makeTeam, makeUser, snapshotInput } from "../testing/factories";
import { auditLog, snapshots } from "../schema";
import { createApiToken } from "./api-tokens";
import { upsertSnapshot } from "./snapshots";
import { POST as postSnapshot } from "@/app/api/v1/snapshots/route";
import { addDays, todayInZone } from "@/lib/dates";

const t = setupTestDatabase();
const DATES = ["2025-03-10", "2025-03-11", "2025-03-12", "2025-03-13"];

async function storedRows(userIds: string[]) {
  return t
    .db()
    .select({ userId: snapshots.userId, measuredOn: snapshots.measuredOn, total: snapshots.total })
    .from(snapshots)
    .where(inArray(snapshots.userId, userIds));
}

async function replaceAudits(userIds: string[]) {
  return t
    .db()
    .select({ subjectId: auditLog.subjectId, actorId: auditLog.actorId, details: auditLog.details })
    .from(auditLog)
    .where(and(inArray(auditLog.subjectId, userIds), eq(auditLog.action, "snapshot.replace")));
}

describe(`concurrent submissions on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("50 people × 4 dates at once, every 5th also re-saving a date with another value: exact rows, audited replacements", async () => {
    const people = await Promise.all(Array.from({ length: 50 }, () => makeUser()));
    const ids = people.map((p) => p.id);
    const doubled = new Set(ids.filter((_, i) => i % 5 === 0));
    // Person i's total on date d is 40 + i/10 + d; the second save of the first date is 10 more.
    const value = (i: number, d: number) => Math.round((40 + i / 10 + d) * 10) / 10;
    const jobs = people.flatMap((p, i) => {
      const saves = DATES.map((date, d) => () => upsertSnapshot(p.id, snapshotInput(date, value(i, d))));
      if (doubled.has(p.id)) saves.push(() => upsertSnapshot(p.id, snapshotInput(DATES[0]!, value(i, 0) + 10)));
      return saves;
    });
    const results = await Promise.allSettled(jobs.map((job) => job()));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);

    const rows = await storedRows(ids);
    expect(rows).toHaveLength(50 * 4);
    const byKey = new Map(rows.map((r) => [`${r.userId}|${r.measuredOn}`, r.total]));
    people.forEach((p, i) =>
      DATES.forEach((date, d) => {
        const stored = byKey.get(`${p.id}|${date}`);
        const submitted = d === 0 && doubled.has(p.id) ? [value(i, 0), value(i, 0) + 10] : [value(i, d)];
        expect(submitted, `${p.name} ${date}`).toContain(stored);
      }),
    );
    const replaced = (results as PromiseFulfilledResult<{ replaced: boolean }>[]).filter((r) => r.value.replaced);
    expect(replaced).toHaveLength(doubled.size);

    // One audit row per re-saved date: by the person, naming the value that was there before (the other save).
    const audits = await replaceAudits(ids);
    expect(audits.map((a) => a.subjectId).sort()).toEqual([...doubled].sort());
    for (const a of audits) {
      const i = ids.indexOf(a.subjectId!);
      const d = a.details as { measuredOn: string; total: number; previousTotal: number };
      expect(a.actorId).toBe(a.subjectId);
      expect(d.measuredOn).toBe(DATES[0]);
      expect([d.total, d.previousTotal].sort()).toEqual([value(i, 0), value(i, 0) + 10].sort());
      expect(byKey.get(`${a.subjectId}|${DATES[0]}`)).toBe(d.total);
    }
  });

  it("through the JSON API too: 20 people × 4 requests at once plus a second one for the same date each", async () => {
    const owner = await makeUser();
    const team = await makeTeam(owner.id);
    const today = todayInZone("UTC");
    const dates = [1, 2, 3, 4].map((n) => addDays(today, -n));
    const callers = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const user = await makeUser();
        await addMember(team.id, user.id);
        return { user, token: (await createApiToken(user.id, "load")).token };
      }),
    );
    const post = (token: string, body: object) =>
      postSnapshot(
        new Request("http://localhost/api/v1/snapshots", {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ team: team.slug, ...body }),
        }),
      );
    const quarter = (v: number) => ({ brand: v, people: v, insights: v, relationships: v });
    const requests = callers.flatMap(({ user, token }) => [
      ...dates.map((measuredOn, d) => post(token, { measuredOn, ...quarter(10 + d) }).then((r) => ({ user, d, status: r.status }))),
      post(token, { measuredOn: dates[0], ...quarter(20) }).then((r) => ({ user, d: 0, status: r.status })),
    ]);
    const responses = await Promise.all(requests);
    expect(responses.filter((r) => r.status !== 200 && r.status !== 201)).toEqual([]);
    for (const { user } of callers) {
      const first = responses.filter((r) => r.user === user && r.d === 0).map((r) => r.status);
      expect(first.sort()).toEqual([200, 201]); // one created, one replaced
    }

    const rows = await storedRows(callers.map((c) => c.user.id));
    expect(rows).toHaveLength(20 * 4);
    for (const r of rows) {
      const d = dates.indexOf(r.measuredOn);
      expect(d === 0 ? [40, 80] : [4 * (10 + d)]).toContain(r.total);
    }
    expect(await replaceAudits(callers.map((c) => c.user.id))).toHaveLength(20);
  });
});

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox, users } from "../schema";
import { setupTestDatabase } from "../testing/test-db";
import { makeSnapshot, makeUser } from "../testing/factories";
import { enqueueDueReminders } from "@/server/reminders";
import { withAuthSecret } from "@/lib/testing/auth-secret";

// Unsubscribe links are signed with AUTH_SECRET.
withAuthSecret("test-secret-for-signing-unsubscribe-links");
const t = setupTestDatabase();
const ORIGIN = "https://ssi.example.com";

async function person(opts: { reminders: boolean; timeZone: string }) {
  const u = await makeUser();
  await t.db().update(users).set({ remindersEnabled: opts.reminders, timeZone: opts.timeZone }).where(eq(users.id, u.id));
  return u;
}

describe("the opt-in weekly reminder", () => {
  it("goes to opted-in people with nothing this week, from Thursday 10:00 in their own time zone, once", async () => {
    const auckland = await person({ reminders: true, timeZone: "Pacific/Auckland" });
    const submitted = await person({ reminders: true, timeZone: "Pacific/Auckland" });
    const optedOut = await person({ reminders: false, timeZone: "Pacific/Auckland" });
    const london = await person({ reminders: true, timeZone: "Europe/London" });
    await makeSnapshot(submitted.id, "2026-11-23", 60); // Monday of this week in Auckland
    await makeSnapshot(auckland.id, "2026-11-16", 55.5); // last week only

    // Wednesday 2026-11-25 21:30 UTC is Thursday 10:30 in Auckland but still Wednesday in London.
    const now = new Date("2026-11-25T21:30:00Z");
    expect(await enqueueDueReminders(now, { origin: ORIGIN })).toBe(1);
    expect(await enqueueDueReminders(now, { origin: ORIGIN })).toBe(0);

    const rows = await t.db().select().from(outbox).where(eq(outbox.kind, "reminder"));
    expect(rows.map((r) => r.toEmail)).toEqual([auckland.email]);
    expect(rows[0]!.text).toContain("Your last recorded SSI was 55.5.");
    expect(rows[0]!.text).toContain(`Record it: ${ORIGIN}/me`);
    expect(rows[0]!.headers["List-Unsubscribe"]).toMatch(/^<https:\/\/ssi\.example\.com\/api\/unsubscribe\?token=/);
    void optedOut;

    // An hour before 10:00 in London on its Thursday: still nothing for London; at 10:00 it goes.
    expect(await enqueueDueReminders(new Date("2026-11-26T09:00:00Z"), { origin: ORIGIN })).toBe(0);
    expect(await enqueueDueReminders(new Date("2026-11-26T10:00:00Z"), { origin: ORIGIN })).toBe(1);
    const again = await t.db().select({ to: outbox.toEmail }).from(outbox).where(eq(outbox.kind, "reminder"));
    expect(again.map((r) => r.to).sort()).toEqual([auckland.email, london.email].sort());
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { setupTestDatabase } from "../testing/test-db";
import { addMember, makeSnapshot, makeTeam, makeUser } from "../testing/factories";
import { startSmtpSink, type SmtpSink } from "../testing/smtp-sink";
import { digestRuns, outbox } from "../schema";
import { enqueueDueDigests, previewMemberDigest, runTeamDigest } from "@/server/digest/run";
import { unsubscribeFromList, updateNotificationPrefs } from "./notification-prefs";
import { closeTransports, drainOutbox } from "@/server/mail/sender";
import { verifyUnsubscribeToken } from "@/lib/mail/unsubscribe";
import { COMPONENT_ADVICE } from "@/lib/ssi";
import { withAuthSecret } from "@/lib/testing/auth-secret";

withAuthSecret("test-secret-test-secret-test-secret-123");
const t = setupTestDatabase();
const ORIGIN = "https://ssi.example.test";

// Pacific/Auckland is UTC+13 in January. 2025-01-12T19:30Z is Monday 13 Jan, 08:30 there, while it is still
// Sunday in UTC: the week that just ended there is 6–12 Jan (in UTC it would still be running).
const DUE = new Date("2025-01-12T19:30:00Z");
const NOT_YET = new Date("2025-01-12T18:30:00Z"); // 07:30 in Auckland, before the 08:00 digest hour

let sink: SmtpSink;
let team: Awaited<ReturnType<typeof makeTeam>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  sink = await startSmtpSink();
  const olive = await makeUser({ name: "Olive Owner" });
  ids.Olive = olive.id;
  team = await makeTeam(olive.id, { name: "Kiwi Sales", timeZone: "Pacific/Auckland" });
  const names = ['Ana "<b>" & Co', "Ben", "Cai", "Dee", "Eve", "Fay", "Gus", "Hal", "Ivy"];
  for (const name of names) {
    const u = await makeUser({ name });
    ids[name.split(" ")[0]!] = u.id;
    await addMember(team.id, u.id);
  }
  // [previous week's score, this week's score] (week = Mon 6 – Sun 12 Jan 2025 in Auckland).
  await makeSnapshot(ids.Ana!, "2025-01-03", 70);
  await makeSnapshot(ids.Ana!, "2025-01-10", 72);
  await makeSnapshot(ids.Ana!, "2025-01-13", 90); // the current week: not in this digest
  await makeSnapshot(ids.Ben!, "2025-01-04", 75);
  await makeSnapshot(ids.Ben!, "2025-01-11", 74);
  await makeSnapshot(ids.Cai!, "2025-01-02", 60);
  await makeSnapshot(ids.Cai!, "2025-01-12", 68);
  await makeSnapshot(ids.Dee!, "2025-01-05", 65); // nothing this week
  await makeSnapshot(ids.Eve!, "2025-01-01", 50);
  await makeSnapshot(ids.Eve!, "2025-01-09", 55);
  await makeSnapshot(ids.Fay!, "2025-01-03", 58);
  await makeSnapshot(ids.Fay!, "2025-01-08", 57);
  await makeSnapshot(ids.Gus!, "2025-01-04", 45);
  await makeSnapshot(ids.Gus!, "2025-01-12", { brand: 15, people: 10, insights: 12, relationships: 15 });
  await makeSnapshot(ids.Ivy!, "2024-12-20", 80); // stale (older than 14 days)
  await makeSnapshot(ids.Olive!, "2025-01-11", 62); // first score: new on the board
  await updateNotificationPrefs(ids.Hal!, { digestEnabled: false, remindersEnabled: false, teamRemindersEnabled: true });
});
afterAll(async () => {
  closeTransports();
  await sink.close();
});

const mailTo = async (name: string) => {
  const rows = await t.db().select().from(outbox).where(eq(outbox.userId, ids[name]!));
  expect(rows).toHaveLength(1);
  return rows[0]!;
};

describe(`weekly digest on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("is not due before the team's digest hour in its own time zone", async () => {
    expect(await enqueueDueDigests(NOT_YET, { origin: ORIGIN, teamSlug: team.slug })).toEqual([]);
    expect(await t.db().select().from(outbox)).toHaveLength(0);
  });

  it("enqueues one digest per opted-in member for the week that just ended there", async () => {
    const [run] = await enqueueDueDigests(DUE, { origin: ORIGIN, teamSlug: team.slug });
    expect(run).toMatchObject({ status: "enqueued", weekStart: "2025-01-06", recipients: 9 });
    const rows = await t.db().select({ key: outbox.dedupeKey, userId: outbox.userId }).from(outbox);
    expect(rows).toHaveLength(9);
    expect(rows.map((r) => r.userId)).not.toContain(ids.Hal); // opted out
    expect(rows.map((r) => r.key)).toContain(`digest:${team.id}:2025-01-06:${ids.Gus}`);
    const [runRow] = await t.db().select().from(digestRuns).where(eq(digestRuns.teamId, team.id));
    expect(runRow).toMatchObject({ weekStart: "2025-01-06", recipients: 9 });
  });

  it("triggering the same week again, even concurrently, enqueues nothing new", async () => {
    const later = new Date(DUE.getTime() + 3 * 3600_000);
    const [a, b, c] = await Promise.all([
      enqueueDueDigests(later, { origin: ORIGIN, teamSlug: team.slug }),
      enqueueDueDigests(later, { origin: ORIGIN, teamSlug: team.slug }),
      runTeamDigest(team.id, { start: "2025-01-06", end: "2025-01-12" }, { origin: ORIGIN }),
    ]);
    expect([a[0]?.status, b[0]?.status, c.status]).toEqual(["already-done", "already-done", "already-done"]);
    expect(await t.db().select().from(outbox)).toHaveLength(9);
  });

  it("tells a member below the top 5 their rank, move, SSI change, weakest component and the rows around them", async () => {
    const m = await mailTo("Gus");
    // Board on 12 Jan: Ben 74, Ana 72, Cai 68, Dee 65, Olive 62, Fay 57, Eve 55, Gus 52 (Ivy stale, Hal never).
    // A week earlier: Ben 75, Ana 70, Dee 65, Cai 60, Fay 58, Eve 50, Gus 45 → Gus 7th then, 8th now.
    expect(m.subject).toBe("You're #8 on Kiwi Sales — down 1 this week");
    expect(m.text).toContain("Kiwi Sales · week of 6 Jan – 12 Jan 2025");
    expect(m.text).toContain("Your rank: #8 (down 1 place this week)");
    expect(m.text).toContain("Your SSI: 52.0 (+7.0 this week)");
    // Averages of ranked totals: 505 / 8 = 63.125 now, 423 / 7 = 60.429 a week before: +2.696.
    expect(m.text).toContain("Team average: 63.1 (+2.7 on last week)");
    expect(m.text).toContain(`Your weakest component is Find the right people (10.00 of 25). ${COMPONENT_ADVICE.people}`);
    // The week reported on and the week that has begun are named by their dates, never both "this week".
    expect(m.text).toContain("You recorded your SSI in the week of 6 Jan – 12 Jan 2025 (2025-01-12).\nRecord your SSI for 13 Jan – 19 Jan 2025:");
    expect(m.text).toContain(
      ["TOP 5", '    1. Ben — 74.0 (–)', '    2. Ana "<b>" & Co — 72.0 (–)', "    3. Cai — 68.0 (up 1)", "    4. Dee — 65.0 (down 1)", "    5. Olive Owner — 62.0 (new)"].join("\n"),
    );
    expect(m.text).toContain(["AROUND YOU", "    6. Fay — 57.0 (down 1)", "    7. Eve — 55.0 (down 1)", "    8. Gus (you) — 52.0 (down 1)"].join("\n"));
    expect(m.text).toContain("Cai gained the most this week: +8.0 SSI.");
    expect(m.text).toContain(`${ORIGIN}/t/${team.slug}/submit`);
    expect(m.text).not.toContain("FOR MANAGERS");
    // The HTML says the same, escaped.
    expect(m.html).toContain("Ana &quot;&lt;b&gt;&quot; &amp; Co");
    expect(m.html).not.toContain('"<b>"');
    expect(m.html).toContain("Gus (you)");
    expect(m.html).toContain("+7.0 this week");
    // One-click unsubscribe for this person and the digest list.
    const header = (m.headers as Record<string, string>)["List-Unsubscribe"]!;
    const token = decodeURIComponent(/token=([^>]+)>/.exec(header)![1]!);
    expect(verifyUnsubscribeToken(token)).toEqual({ userId: ids.Gus, list: "digest" });
    expect((m.headers as Record<string, string>)["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  });

  it("tells a member who skipped the week to record their score", async () => {
    const m = await mailTo("Dee");
    expect(m.subject).toBe("You're #4 on Kiwi Sales — down 1 this week");
    expect(m.text).toContain("You did not record your SSI in the week of 6 Jan – 12 Jan 2025.\nRecord your SSI for 13 Jan – 19 Jan 2025:");
    expect(m.html).toContain(">Record your SSI for 13 Jan – 19 Jan 2025</a>");
    expect(m.text).toContain("Your SSI: 65.0 (no change this week)");
    expect(m.text).not.toContain("AROUND YOU");
  });

  it("gives the owner participation, stale members and the team's weakest component", async () => {
    const m = await mailTo("Olive");
    expect(m.subject).toBe("You're #5 on Kiwi Sales — new on the board this week");
    expect(m.text).toContain("FOR MANAGERS\n7 of 10 members recorded their SSI in the week of 6 Jan – 12 Jan 2025.");
    // Component averages of the 8 ranked: people (113.25 + 10) / 8 = 15.406 is the lowest.
    expect(m.text).toContain(`The team's weakest component is Find the right people (average 15.41). ${COMPONENT_ADVICE.people}`);
    expect(m.text).toContain("Not ranked (no recent score): Ivy (last 2024-12-20), Hal (never)");
  });

  it("tells a stale member their score is too old", async () => {
    const m = await mailTo("Ivy");
    expect(m.subject).toBe("Record your SSI to get ranked on Kiwi Sales");
    expect(m.text).toContain("Your latest score (2024-12-20) is too old to be ranked on Kiwi Sales.");
  });

  it("delivers the run over SMTP with both parts and the unsubscribe header, once per person", async () => {
    const r = await drainOutbox({ transportUrl: sink.url, now: new Date(Date.now() + 1000), limit: 50 });
    expect(r).toMatchObject({ claimed: 9, sent: 9 });
    expect(sink.received).toHaveLength(9);
    const gus = sink.received.find((m) => m.subject.startsWith("You're #8"))!;
    expect(gus.to).toEqual([(await mailTo("Gus")).toEmail]);
    expect(gus.text).toContain("Your SSI: 52.0 (+7.0 this week)");
    expect(gus.html).toContain("Around you");
    expect(gus.headers["list-unsubscribe"]).toMatch(/^<https:\/\/ssi\.example\.test\/api\/unsubscribe\?token=/);
    expect(await drainOutbox({ transportUrl: sink.url, now: new Date(Date.now() + 1000) })).toMatchObject({ claimed: 0 });
  });

  it("leaves out someone who unsubscribed from next week's digest", async () => {
    expect(await unsubscribeFromList(ids.Gus!, "digest")).toBeTruthy();
    const [run] = await enqueueDueDigests(new Date("2025-01-19T19:30:00Z"), { origin: ORIGIN, teamSlug: team.slug });
    expect(run).toMatchObject({ status: "enqueued", weekStart: "2025-01-13", recipients: 8 });
  });

  it("previews a member's digest for a manager without sending it", async () => {
    const before = (await t.db().select().from(outbox)).length;
    const preview = await previewMemberDigest(team.owner, ids.Gus!, { now: DUE, origin: ORIGIN });
    expect(preview?.subject).toBe("You're #8 on Kiwi Sales — down 1 this week");
    expect(preview?.week).toEqual({ start: "2025-01-06", end: "2025-01-12" });
    expect((await t.db().select().from(outbox)).length).toBe(before);
    expect(await previewMemberDigest(team.owner, (await makeUser()).id, { now: DUE, origin: ORIGIN })).toBeNull();
  });
});

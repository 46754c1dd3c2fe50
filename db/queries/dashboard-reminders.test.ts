import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox, users } from "../schema";
import { setupTestDatabase } from "../testing/test-db";
import { addMember, makeTeam, makeUser } from "../testing/factories";
import { enqueueReminders } from "@/server/team-reminders";
import { unsubscribeFromList } from "./notification-prefs";
import { verifyUnsubscribeToken } from "@/lib/mail/unsubscribe";
import { withAuthSecret } from "@/lib/testing/auth-secret";

// Unsubscribe links are signed with AUTH_SECRET.
withAuthSecret("test-secret-for-signing-unsubscribe-links");
const t = setupTestDatabase();
const ORIGIN = "https://ssi.example.com";

describe("a manager's reminders from the dashboard", () => {
  it("respect the person's preference and carry the same layout, unsubscribe link and headers as every list email", async () => {
    const manager = await makeUser({ name: "Mia <Manager>" });
    const team = await makeTeam(manager.id, { name: "Sales & <Co>" });
    const access = team.owner;
    const rep = await makeUser({ name: "Raj <b>Rep</b>" });
    const quiet = await makeUser({ name: "Sue Quiet" });
    await addMember(team.id, rep.id);
    await addMember(team.id, quiet.id);
    await unsubscribeFromList(quiet.id, "team-reminders");

    const opts = { weekStart: "2026-11-23", teamName: "Sales & <Co>", teamSlug: team.slug, origin: ORIGIN, senderName: "Mia <Manager>" };
    expect(await enqueueReminders(access, { ...opts, userIds: [rep.id, quiet.id] })).toEqual({ queued: 1, alreadyQueued: 0, optedOut: 1 });

    const rows = await t.db().select().from(outbox).where(eq(outbox.kind, "reminder"));
    expect(rows.map((r) => r.toEmail)).toEqual([rep.email]);
    const mail = rows[0]!;
    expect(mail.subject).toBe("Reminder: record your SSI for Sales & <Co>");
    // The shared layout (lib/mail/html.ts), everything from people escaped once.
    expect(mail.html).toContain("<!doctype html>");
    expect(mail.html).toContain("Mia &lt;Manager&gt; asked for your LinkedIn SSI for this week in <strong>Sales &amp; &lt;Co&gt;</strong>");
    expect(mail.html).toContain("Hi Raj,");
    expect(mail.html).not.toContain("<b>Rep</b>");
    expect(mail.html).not.toContain("&amp;lt;");
    expect(mail.html).toContain(`href="${ORIGIN}/t/${team.slug}/submit"`);
    // One-click unsubscribe (RFC 8058), and the link in the body, for this person and this list.
    const header = (mail.headers as Record<string, string>)["List-Unsubscribe"]!;
    expect((mail.headers as Record<string, string>)["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const token = decodeURIComponent(/^<https:\/\/ssi\.example\.com\/api\/unsubscribe\?token=([^>]+)>$/.exec(header)![1]!);
    expect(verifyUnsubscribeToken(token)).toEqual({ userId: rep.id, list: "team-reminders" });
    expect(mail.text).toContain(`Stop reminders from managers: ${ORIGIN}/unsubscribe?token=${encodeURIComponent(token)}`);

    // Unsubscribing through that link stops the next one; the other lists are untouched.
    await unsubscribeFromList(rep.id, "team-reminders");
    expect(await enqueueReminders(access, { ...opts, weekStart: "2026-11-30", userIds: [rep.id] })).toEqual({ queued: 0, alreadyQueued: 0, optedOut: 1 });
    const [prefs] = await t.db().select({ digest: users.digestEnabled, team: users.teamRemindersEnabled }).from(users).where(eq(users.id, rep.id));
    expect(prefs).toEqual({ digest: true, team: false });
  });
});

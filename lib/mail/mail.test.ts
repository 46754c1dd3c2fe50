import { afterEach, describe, expect, it, vi } from "vitest";
import { emailLayout, html } from "./html";
import { invitationEmail } from "./templates";
import { signUnsubscribeToken, unsubscribeFor, verifyUnsubscribeToken } from "./unsubscribe";

const KEY = "k".repeat(40);
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("unsubscribe tokens", () => {
  it("round-trips and rejects forged, altered or foreign-key tokens", () => {
    const token = signUnsubscribeToken("user-1", "digest", KEY);
    expect(verifyUnsubscribeToken(token, KEY)).toEqual({ userId: "user-1", list: "digest" });
    expect(verifyUnsubscribeToken(token.replace("user-1", "user-2"), KEY)).toBeNull();
    expect(verifyUnsubscribeToken(token.replace("digest", "reminders"), KEY)).toBeNull();
    expect(verifyUnsubscribeToken(token, "x".repeat(40))).toBeNull();
    expect(verifyUnsubscribeToken("garbage", KEY)).toBeNull();
  });

  it("gives the one-click headers and the confirm page link", () => {
    if (!process.env.AUTH_SECRET) vi.stubEnv("AUTH_SECRET", KEY);
    const u = unsubscribeFor("https://a.test", "user-1", "digest");
    expect(u.headers["List-Unsubscribe"]).toMatch(/^<https:\/\/a\.test\/api\/unsubscribe\?token=digest\.user-1\.[\w-]+>$/);
    expect(u.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(u.pageUrl).toMatch(/^https:\/\/a\.test\/unsubscribe\?token=/);
  });
});

describe("email HTML", () => {
  it("escapes every interpolated value", () => {
    expect(html`<p title="${'a"b'}">${"<script>&"}</p>`.value).toBe('<p title="a&quot;b">&lt;script&gt;&amp;</p>');
    const page = emailLayout({ title: "<t>", preheader: "<p>", body: html`x`, footer: html`y` });
    expect(page).toContain("<title>&lt;t&gt;</title>");
    expect(page).not.toContain("<p>");
  });

  it("writes an invitation with the link in both parts and the team name escaped", () => {
    const m = invitationEmail({ teamName: "R&D <EMEA>", inviterName: "Mia", role: "member", link: "https://a.test/invite/abc", expiresAt: new Date("2025-03-20T00:00:00Z") });
    expect(m.subject).toBe("Mia invited you to R&D <EMEA> on SSI Leaderboard");
    expect(m.html).toContain("R&amp;D &lt;EMEA&gt;");
    expect(m.html).toContain('href="https://a.test/invite/abc"');
    expect(m.text).toContain("Accept the invitation: https://a.test/invite/abc");
    expect(m.text).toContain("until 2025-03-20");
  });
});

import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { outbox } from "@/db/schema";
import { setupTestDatabase } from "@/db/testing/test-db";
import { RATE_LIMITS } from "@/lib/rate-limit";
import { MagicLinkRateLimited, sendVerificationRequest } from "./magic-link";

const t = setupTestDatabase();

beforeEach(() => vi.stubEnv("AUTH_URL", "https://ssi.example.com"));
afterEach(() => vi.unstubAllEnvs());

describe("magic-link sign-in email", () => {
  it("goes through the outbox with the link in both parts, once per link", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const url = "https://ssi.example.com/api/auth/callback/nodemailer?token=abc123&email=ana%40example.com";
    await sendVerificationRequest({ identifier: "Ana@Example.com", url });
    await sendVerificationRequest({ identifier: "Ana@Example.com", url }); // a double click: no second email

    // The background drain (no SMTP_URL here: preview transport) marks it sent; wait for it to settle.
    await vi.waitFor(async () => {
      const [row] = await t.db().select().from(outbox).where(eq(outbox.kind, "magic_link"));
      expect(row?.status).toBe("sent");
    });
    const rows = await t.db().select().from(outbox).where(eq(outbox.kind, "magic_link"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ toEmail: "ana@example.com", transport: "preview" });
    expect(rows[0]!.text).toContain(url);
    expect(rows[0]!.html).toContain("token=abc123&amp;email=ana%40example.com");
    expect(rows[0]!.subject).toMatch(/sign in/i);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it("link to the configured origin, whatever host Auth.js built the link from, and keep the token", async () => {
    // Auth.js without AUTH_URL builds the link from the request's Host / X-Forwarded-Host, which a client chooses.
    vi.stubEnv("AUTH_URL", "");
    vi.stubEnv("PORT", "3456");
    const hostile = "https://evil.example/api/auth/callback/nodemailer?callbackUrl=%2Fteams&token=tok-hostile&email=cy%40example.com";
    await sendVerificationRequest({ identifier: "cy@example.com", url: hostile });
    vi.stubEnv("AUTH_URL", "https://ssi.example.com/");
    await sendVerificationRequest({ identifier: "di@example.com", url: hostile.replace("tok-hostile", "tok-di") });

    const mail = async (to: string) => (await t.db().select().from(outbox).where(eq(outbox.toEmail, to)))[0]!;
    const cy = await mail("cy@example.com");
    expect(cy.text).toContain("http://localhost:3456/api/auth/callback/nodemailer?callbackUrl=%2Fteams&token=tok-hostile&email=cy%40example.com");
    expect(cy.text).toContain("Sign in to SSI Leaderboard at localhost:3456");
    const di = await mail("di@example.com");
    expect(di.html).toContain('href="https://ssi.example.com/api/auth/callback/nodemailer?callbackUrl=%2Fteams&amp;token=tok-di&amp;');
    for (const m of [cy, di]) expect(`${m.text}${m.html}`).not.toContain("evil.example");
  });

  it("are limited per email and per address; a refused request sends nothing", async () => {
    const link = (i: number) => `https://ssi.example.com/api/auth/callback/nodemailer?token=t${i}-${Math.random()}&email=x`;
    const from = (ip: string) => new Request("https://ssi.example.com/api/auth/signin/nodemailer", { headers: { "x-forwarded-for": ip } });
    const sentTo = async (to: string) => (await t.db().select().from(outbox).where(eq(outbox.toEmail, to))).length;

    const bo = "bo-limits@example.com";
    for (let i = 0; i < RATE_LIMITS.magicLinkPerEmail.limit; i++) {
      await sendVerificationRequest({ identifier: bo, url: link(i), request: from(`198.51.100.${i + 1}`) });
    }
    // From yet another address: the per-email limit still holds.
    const refused = await sendVerificationRequest({ identifier: "Bo-Limits@example.com", url: link(99), request: from("198.51.100.99") }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(MagicLinkRateLimited);
    expect((refused as MagicLinkRateLimited).userMessage).toBe("Too many sign-in links requested for this address. Try again in 60 minutes.");
    expect(await sentTo(bo)).toBe(RATE_LIMITS.magicLinkPerEmail.limit);

    // One address asking for links to many emails.
    const ip = "203.0.113.50";
    for (let i = 0; i < RATE_LIMITS.magicLinkPerIp.limit; i++) {
      await sendVerificationRequest({ identifier: `many-${i}@example.com`, url: link(100 + i), request: from(ip) });
    }
    const byIp = await sendVerificationRequest({ identifier: "one-more@example.com", url: link(200), request: from(ip) }).catch((e: unknown) => e);
    expect((byIp as MagicLinkRateLimited).userMessage).toBe("Too many sign-in links requested. Try again in 60 minutes.");
    expect(await sentTo("one-more@example.com")).toBe(0);
  });
});

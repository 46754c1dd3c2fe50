import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { outbox } from "@/db/schema";
import { setupTestDatabase } from "@/db/testing/test-db";
import { sendVerificationRequest } from "./magic-link";

const t = setupTestDatabase();

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
});

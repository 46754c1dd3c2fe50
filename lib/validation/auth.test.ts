import { describe, expect, it } from "vitest";
import { z } from "zod";
import { safeCallbackPath, signUpInput } from "./auth";

const errors = (input: Record<string, unknown>) => {
  const r = signUpInput.safeParse(input);
  return r.success ? {} : z.flattenError(r.error).fieldErrors;
};

describe("signUpInput", () => {
  it("accepts a normal sign-up and trims name and email", () => {
    const r = signUpInput.parse({ name: "  Ana Rep ", email: " Ana@Example.com ", password: "correct horse" });
    expect(r).toEqual({ name: "Ana Rep", email: "Ana@Example.com", password: "correct horse" });
  });

  it("gives each field its own message", () => {
    expect(errors({ name: "", email: "", password: "" })).toEqual({
      name: ["Enter your name."],
      email: ["Enter your email address."],
      password: ["Enter a password."],
    });
    expect(errors({ name: "A", email: "not-an-email", password: "short" })).toEqual({
      email: ["Enter a valid email address, like name@company.com."],
      password: ["Use at least 10 characters for your password."],
    });
    expect(errors({ name: "x".repeat(81), email: "a@b.co", password: "x".repeat(73) })).toEqual({
      name: ["Your name is too long (80 characters at most)."],
      password: ["Use at most 72 characters for your password."],
    });
  });

  it("counts bytes, not characters, against bcrypt's 72-byte limit", () => {
    expect(errors({ name: "A", email: "a@b.co", password: "é".repeat(37) }).password).toEqual([
      "Use at most 72 characters for your password.",
    ]);
  });
});

describe("safeCallbackPath", () => {
  it("keeps same-site paths and refuses others", () => {
    expect(safeCallbackPath("/t/acme?x=1")).toBe("/t/acme?x=1");
    expect(safeCallbackPath("https://evil.example")).toBe("/teams");
    expect(safeCallbackPath("//evil.example")).toBe("/teams");
    expect(safeCallbackPath("/\\evil.example")).toBe("/teams");
    expect(safeCallbackPath(undefined)).toBe("/teams");
  });
});

describe("safeCallbackPath against open redirects", () => {
  it("refuses what a browser would follow to another site, and control characters", () => {
    for (const hostile of [
      "/\t/evil.example", // what ?callbackUrl=%2F%09%2Fevil.example decodes to; browsers drop the tab
      "/\n/evil.example",
      "/\r/evil.example",
      "/\u0000/evil.example",
      "/\\evil.example",
      "/\\/evil.example",
      "/.//evil.example",
      "/%0A",
      "/t/a\nSet-Cookie: x=1",
      "///evil.example",
      "javascript:alert(1)",
      `/${"a".repeat(3000)}`,
    ]) {
      const safe = safeCallbackPath(hostile);
      expect(new URL(safe, "https://app.example").origin, JSON.stringify(hostile)).toBe("https://app.example");
      expect(safe, JSON.stringify(hostile)).not.toMatch(/[\p{Cc}\\]|^\/\//u);
    }
    expect(safeCallbackPath("/\t/evil.example")).toBe("/teams");
    expect(safeCallbackPath("/.//evil.example")).toBe("/teams");
  });

  it("keeps ordinary paths with queries and fragments", () => {
    expect(safeCallbackPath("/invite/abc?x=1#top")).toBe("/invite/abc?x=1#top");
    expect(safeCallbackPath("/t/a?q=a b")).toBe("/t/a?q=a%20b");
  });
});

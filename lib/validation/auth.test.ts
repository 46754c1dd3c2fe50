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

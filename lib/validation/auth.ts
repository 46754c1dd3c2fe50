import { z } from "zod";
import { hasControlChars } from "./text";
import type { ActionState } from "./action-state";

export const PASSWORD_MIN = 10;

const email = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long (254 characters at most).")
  .pipe(z.email("Enter a valid email address, like name@company.com."));

const password = z
  .string({ error: "Enter a password." })
  .min(1, { error: "Enter a password.", abort: true })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters for your password.`)
  // bcrypt reads only the first 72 bytes; a longer password would silently be truncated.
  .refine((p) => new TextEncoder().encode(p).length <= 72, "Use at most 72 characters for your password.");

export const signUpInput = z.object({
  name: z
    .string({ error: "Enter your name." })
    .trim()
    .min(1, "Enter your name.")
    .max(80, "Your name is too long (80 characters at most).")
    .refine((s) => !hasControlChars(s), "Your name can't contain control characters."),
  email,
  password,
});

export const signInInput = z.object({
  email,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024, "That password is too long."),
});

export type SignUpInput = z.infer<typeof signUpInput>;

const PLACEHOLDER_ORIGIN = "http://callback.invalid";

/**
 * Only same-site paths are followed after sign-in; anything else goes home. Browsers drop tabs and newlines
 * from URLs and read `\` as `/`, so `/\t/evil.example` or `/\evil.example` would leave the site: any control
 * character or backslash is refused outright (control characters in a Location header were also a 500), and
 * what remains must resolve to this origin. The path is returned as the URL parser normalised it.
 */
export function safeCallbackPath(value: unknown, fallback = "/teams"): string {
  if (typeof value !== "string" || value.length > 2048 || !value.startsWith("/") || /[\\\p{Cc}]/u.test(value)) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in, sign-up and sign-in-link forms; `values` keeps what was typed, except passwords. */
export type AuthFormState = ActionState<"name" | "email" | "password", { name?: string; email?: string }>;

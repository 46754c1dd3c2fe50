import { z } from "zod";
import { isValidTimeZone } from "@/lib/dates";
import { signUpInput } from "./auth";
import { hasControlChars } from "./text";
import type { ActionState, FormAction } from "./action-state";

/** Name, email and (optional) personal time zone from the account form. */
export const profileInput = z.object({
  name: signUpInput.shape.name,
  email: signUpInput.shape.email,
  timeZone: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null),
    z.string().refine(isValidTimeZone, "Pick a time zone from the list.").nullable(),
  ),
});

export const passwordChangeInput = z.object({
  currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(1024, "That is not your current password."),
  newPassword: signUpInput.shape.password,
});

export const tokenNameInput = z.object({
  name: z
    .string({ error: "Give the token a name." })
    .trim()
    .min(1, "Give the token a name, e.g. “Weekly script”.")
    .max(60, "Use at most 60 characters for the name.")
    .refine((s) => !hasControlChars(s), "The name can't contain control characters."),
});

/** What every account form's server action returns. */
export type AccountFormState = ActionState & {
  /** A newly created API token, shown once. */
  secret?: string;
};

export type AccountAction = FormAction<AccountFormState>;

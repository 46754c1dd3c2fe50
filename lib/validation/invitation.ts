import { z } from "zod";
import type { ActionState } from "./action-state";

export const INVITE_ROLES = ["member", "manager"] as const;

/** An invitation: by email (usable once, by that person) or a shareable join link (email left empty). */
export const invitationInput = z.object({
  email: z
    .string({ error: "Enter a valid email address, like name@company.com." })
    .trim()
    .max(254, "That email address is too long.")
    .transform((v) => (v === "" ? null : v))
    .pipe(z.email("Enter a valid email address, like name@company.com.").nullable()),
  role: z.enum(INVITE_ROLES, { error: "Pick a role: member or manager." }).default("member"),
  expiresInDays: z.coerce
    .number({ error: "Pick how long the invitation stays valid." })
    .int("Pick how long the invitation stays valid.")
    .min(1, "An invitation must stay valid for at least 1 day.")
    .max(30, "An invitation can stay valid for at most 30 days.")
    .default(7),
});

/** The invite form: the state carries the link to copy. */
export type InviteState = ActionState<"email" | "role" | "expiresInDays"> & {
  link?: string;
  email?: string | null;
  /** False without SMTP: nothing was emailed, the manager passes the link on. */
  emailed?: boolean;
};

import { z } from "zod";
import type { InviteeStatus } from "@/lib/invite-list";
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

/** The largest pasted list and uploaded file the bulk invitation reads (100 people need a few KB). */
export const BULK_INVITE_MAX_TEXT = 64 * 1024;
export const BULK_INVITE_MAX_BYTES = 1024 * 1024;
export const BULK_INVITE_MESSAGES = {
  textTooLong: "The list is longer than 64 KB. Invite up to 100 people at a time.",
  fileTooLarge: "The file is larger than 1 MB. A CSV of names and emails for 100 people is far smaller: check you chose the right file.",
  nothingToSend: "Nobody on the list needs an invitation: everyone is already a member or already invited.",
} as const;

/** The role and validity for everyone on a bulk invitation; "resend" also re-invites those with a pending one. */
export const bulkInvitationInput = invitationInput.pick({ role: true, expiresInDays: true }).extend({
  resend: z.preprocess((v) => v === "on" || v === "true", z.boolean()).default(false),
});

/** What the preview says of one entry: new, already a member, already invited, not an address, a repeat. */
export type BulkInviteStatus = InviteeStatus;

/** The bulk invitation form: a preview of each entry, then what was sent. */
export type BulkInviteState = ActionState<"list" | "file" | "role" | "expiresInDays"> & {
  phase?: "preview" | "done";
  /** The list to confirm: the pasted text, or a CSV's entries as "Name <email>" lines. */
  list?: string;
  source?: string;
  rows?: { line: number; text: string; name: string | null; email: string | null; status: BulkInviteStatus; note?: string }[];
  counts?: Record<BulkInviteStatus, number>;
  sent?: { email: string; link: string }[];
  /** False without SMTP: nothing was emailed, the manager passes the links on. */
  emailed?: boolean;
};

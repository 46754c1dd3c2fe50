"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { findInvitees, revokeInvitation } from "@/db/queries/invitations";
import { changeRole, removeMember, transferOwnership } from "@/db/queries/teams";
import { roleEnum } from "@/db/schema";
import { requireTeamRole } from "@/lib/authz";
import { features } from "@/lib/env";
import { formValues } from "@/lib/form-data";
import { publicOrigin } from "@/lib/mail/origin";
import { checkRateLimits } from "@/server/rate-limit";
import { kickSender } from "@/server/mail/sender";
import { BULK_INVITE_MAX, classifyInviteLines, INVITE_LIST_MESSAGES, inviteLinesToText, parseInviteTable, parseInviteText, type InviteLine } from "@/lib/invite-list";
import { decodeCsvBytes } from "@/lib/spreadsheet/decode";
import { readCsvTable } from "@/lib/spreadsheet/table";
import {
  BULK_INVITE_MAX_BYTES,
  BULK_INVITE_MAX_TEXT,
  BULK_INVITE_MESSAGES,
  bulkInvitationInput,
  invitationInput,
  type BulkInviteState,
  type InviteState,
} from "@/lib/validation/invitation";
import type { MemberActionState } from "@/lib/validation/team";
import { inviteManyToTeam, inviteToTeam } from "@/server/invitations";

/** Creates an email invitation or a join link; the state carries the link to copy. */
export async function inviteAction(slug: string, _prev: InviteState, formData: FormData): Promise<InviteState> {
  const values = formValues(formData);
  const parsed = invitationInput.safeParse(values);
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const { access } = await requireTeamRole(slug, "manager");
  // Invitations send email to any address: limited per person and per team, so neither becomes a spam relay.
  const limited = await checkRateLimits([
    ["invitationsPerAccount", access.userId],
    ["invitationsPerTeam", access.teamId],
  ]);
  if (!limited.ok) return { message: limited.message, values };
  const base = publicOrigin();
  const { token, emailQueued } = await inviteToTeam(access, parsed.data, { origin: base });
  if (emailQueued) kickSender();
  revalidatePath(`/t/${slug}/members`);
  return { link: `${base}/invite/${token}`, email: parsed.data.email, emailed: features().smtp };
}

/** The entries of a pasted list or an uploaded CSV, or the message saying why there are none to use. */
async function readInviteList(formData: FormData): Promise<{ lines: InviteLine[]; list: string; source: string } | { error: BulkInviteState["fieldErrors"] }> {
  const file = formData.get("file");
  if (file instanceof File && file.size > 0) {
    if (file.size > BULK_INVITE_MAX_BYTES) return { error: { file: [BULK_INVITE_MESSAGES.fileTooLarge] } };
    const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) return { error: { file: [decoded.error] } };
    const table = readCsvTable(decoded.text, BULK_INVITE_MAX * 5);
    if (!table.ok) return { error: { file: [table.error] } };
    const lines = parseInviteTable(table.table);
    if ("error" in lines) return { error: { file: [lines.error] } };
    return { lines, list: inviteLinesToText(lines), source: file.name.slice(0, 200) };
  }
  const text = String(formData.get("list") ?? "");
  if (text.length > BULK_INVITE_MAX_TEXT) return { error: { list: [BULK_INVITE_MESSAGES.textTooLong] } };
  const lines = parseInviteText(text);
  if (lines.length === 0) return { error: { list: [INVITE_LIST_MESSAGES.empty] } };
  return { lines, list: text, source: "" };
}

/**
 * Invites many people at once. "preview" says, line by line, who is new, who is a member already, who has a
 * pending invitation and which lines are not addresses, and writes nothing; "confirm" re-reads the list and
 * sends every new invitation (and, when asked, a fresh one to those already invited) in one transaction,
 * through the outbox, as the single invitation does.
 */
export async function bulkInviteAction(slug: string, _prev: BulkInviteState, formData: FormData): Promise<BulkInviteState> {
  const values = formValues(formData);
  const settings = bulkInvitationInput.safeParse(values);
  if (!settings.success) return { fieldErrors: z.flattenError(settings.error).fieldErrors, values };
  const { access } = await requireTeamRole(slug, "manager");
  const read = await readInviteList(formData);
  if ("error" in read) return { fieldErrors: read.error, values };
  const valid = read.lines.filter((l) => l.email && !l.problem);
  if (valid.length > BULK_INVITE_MAX) return { fieldErrors: { list: [INVITE_LIST_MESSAGES.tooMany(BULK_INVITE_MAX)] }, values };
  const known = await findInvitees(access, valid.map((l) => l.email!));
  const preview = classifyInviteLines(read.lines, known);
  const kept = values;

  if (formData.get("intent") !== "confirm") return { phase: "preview", list: read.list, source: read.source, ...preview, values: kept };

  const { role, expiresInDays, resend } = settings.data;
  const to = preview.rows.filter((r) => r.status === "new" || (resend && r.status === "pending")).map((r) => r.email!);
  if (to.length === 0) return { phase: "preview", list: read.list, source: read.source, ...preview, values: kept, message: BULK_INVITE_MESSAGES.nothingToSend };
  const limited = await checkRateLimits(
    [
      ["invitationsPerAccount", access.userId],
      ["invitationsPerTeam", access.teamId],
    ],
    to.length,
  );
  if (!limited.ok) return { phase: "preview", list: read.list, source: read.source, ...preview, values: kept, message: limited.message };
  const base = publicOrigin();
  const created = await inviteManyToTeam(access, to.map((email) => ({ email, role, expiresInDays })), { origin: base });
  if (created.some((c) => c.emailQueued)) kickSender();
  revalidatePath(`/t/${slug}/members`);
  return { phase: "done", ...preview, sent: created.map((c, i) => ({ email: to[i]!, link: `${base}/invite/${c.token}` })), emailed: features().smtp };
}

export async function revokeInvitationAction(slug: string, formData: FormData) {
  const { access } = await requireTeamRole(slug, "manager");
  await revokeInvitation(access, String(formData.get("id") ?? ""));
  revalidatePath(`/t/${slug}/members`);
}

const roleInput = z.object({ userId: z.string().min(1), role: z.enum(roleEnum.enumValues) });

export async function changeRoleAction(slug: string, _prev: MemberActionState, formData: FormData): Promise<MemberActionState> {
  const parsed = roleInput.safeParse(formValues(formData));
  if (!parsed.success) return { message: "Pick a role." };
  const { access } = await requireTeamRole(slug, "manager");
  const r = await changeRole(access, parsed.data.userId, parsed.data.role);
  revalidatePath(`/t/${slug}`, "layout");
  return r.ok ? { ok: true, message: "Role updated." } : { message: r.error };
}

export async function removeMemberAction(slug: string, _prev: MemberActionState, formData: FormData): Promise<MemberActionState> {
  const userId = String(formData.get("userId") ?? "");
  const { access } = await requireTeamRole(slug, "manager");
  const r = await removeMember(access, userId);
  revalidatePath(`/t/${slug}`, "layout");
  return r.ok ? { ok: true, message: "Removed from the team." } : { message: r.error };
}

export async function transferOwnershipAction(slug: string, _prev: MemberActionState, formData: FormData): Promise<MemberActionState> {
  const userId = String(formData.get("userId") ?? "");
  const { access } = await requireTeamRole(slug, "owner");
  const r = await transferOwnership(access, userId);
  revalidatePath(`/t/${slug}`, "layout");
  return r.ok ? { ok: true, message: "Ownership transferred. You are now a manager of this team." } : { message: r.error };
}

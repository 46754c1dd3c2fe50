"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { revokeInvitation } from "@/db/queries/invitations";
import { changeRole, removeMember, transferOwnership } from "@/db/queries/teams";
import { roleEnum } from "@/db/schema";
import { requireTeamRole } from "@/lib/authz";
import { features } from "@/lib/env";
import { formValues } from "@/lib/form-data";
import { publicOrigin } from "@/lib/mail/origin";
import { checkRateLimits } from "@/server/rate-limit";
import { kickSender } from "@/server/mail/sender";
import { invitationInput } from "@/lib/validation/invitation";
import type { InviteState } from "@/lib/validation/invitation";
import type { MemberActionState } from "@/lib/validation/team";
import { inviteToTeam } from "@/server/invitations";

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

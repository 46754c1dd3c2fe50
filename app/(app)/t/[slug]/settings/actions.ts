"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { MemberActionState, TeamFormState, TvLinkState } from "@/lib/validation/team";
import { deleteTeam, leaveTeam, updateTeamSettings } from "@/db/queries/teams";
import { createTvLink, revokeTvLink } from "@/db/queries/tv";
import { requireTeamRole } from "@/lib/authz";
import { formValues } from "@/lib/form-data";
import { publicOrigin } from "@/lib/mail/origin";
import { teamInput } from "@/lib/validation/team";

export async function updateTeamAction(slug: string, _prev: TeamFormState, formData: FormData): Promise<TeamFormState> {
  const values = formValues(formData);
  const parsed = teamInput.safeParse(values);
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const { access } = await requireTeamRole(slug, "manager");
  await updateTeamSettings(access, parsed.data);
  revalidatePath(`/t/${slug}`, "layout");
  return { ok: true, message: "Team settings saved." };
}

export async function leaveTeamAction(slug: string, _prev: MemberActionState): Promise<MemberActionState> {
  const { access } = await requireTeamRole(slug);
  const r = await leaveTeam(access);
  if (!r.ok) return { message: r.error };
  redirect("/teams");
}

export async function deleteTeamAction(slug: string, _prev: MemberActionState, formData: FormData): Promise<MemberActionState> {
  const { access, team } = await requireTeamRole(slug, "owner");
  if (String(formData.get("confirmName") ?? "").trim() !== team.name) {
    return { message: `Type the team's name, ${team.name}, to confirm.` };
  }
  const r = await deleteTeam(access);
  if (!r.ok) return { message: r.error };
  redirect("/teams");
}

/** Creates (or replaces) the secret TV link; the state carries it, shown once. */
export async function createTvLinkAction(slug: string, _prev: TvLinkState): Promise<TvLinkState> {
  const { access } = await requireTeamRole(slug, "manager");
  const token = await createTvLink(access);
  revalidatePath(`/t/${slug}/settings`);
  return { link: `${publicOrigin()}/tv/${token}` };
}

export async function revokeTvLinkAction(slug: string, _prev: TvLinkState): Promise<TvLinkState> {
  const { access } = await requireTeamRole(slug, "manager");
  await revokeTvLink(access);
  revalidatePath(`/t/${slug}/settings`);
  return { revoked: true };
}

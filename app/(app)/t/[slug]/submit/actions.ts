"use server";

import { revalidatePath } from "next/cache";
import type { SnapshotFormState } from "@/lib/validation/snapshot";
import { upsertSnapshot } from "@/db/queries/snapshots";
import { getMember } from "@/db/queries/teams";
import { requireTeamRole } from "@/lib/authz";
import { todayInZone } from "@/lib/dates";
import { formValues } from "@/lib/form-data";
import { hasRole } from "@/lib/team-access";
import { fieldErrors, snapshotInputSchema } from "@/lib/validation/snapshot";

/** Records (or replaces) a snapshot for the signed-in person, or, for a manager, for a member of the team. */
export async function saveSnapshotAction(slug: string, _prev: SnapshotFormState, formData: FormData): Promise<SnapshotFormState> {
  const values = formValues(formData);
  const { access, team } = await requireTeamRole(slug);
  const today = todayInZone(team.timeZone);
  const parsed = snapshotInputSchema(today).safeParse(values);
  if (!parsed.success) {
    return { fieldErrors: fieldErrors(parsed), values, message: "Please correct the highlighted fields. Nothing was saved." };
  }
  let userId = access.userId;
  let who = "your";
  if (values.userId && values.userId !== access.userId) {
    if (!hasRole(access.role, "manager")) return { message: "Only managers can enter scores for others.", values };
    const member = await getMember(access, values.userId);
    if (!member) return { message: "That person is not a member of this team.", values };
    userId = member.userId;
    who = `${member.name ?? member.email}'s`;
  }
  const { replaced } = await upsertSnapshot(userId, parsed.data, { actorId: access.userId, teamId: access.teamId });
  revalidatePath(`/t/${slug}`, "layout");
  const total = parsed.data.total.toFixed(2).replace(/\.?0+$/, "");
  return {
    ok: true,
    message: replaced
      ? `Saved: SSI ${total} for ${parsed.data.measuredOn}. This replaced ${who} earlier score for that date.`
      : `Saved: SSI ${total} for ${parsed.data.measuredOn}.`,
  };
}

"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { createTeam } from "@/db/queries/teams";
import type { TeamFormState } from "@/lib/validation/team";
import { requireUser } from "@/lib/authz";
import { formValues } from "@/lib/form-data";
import { teamInput } from "@/lib/validation/team";

export async function createTeamAction(_prev: TeamFormState, formData: FormData): Promise<TeamFormState> {
  const values = formValues(formData);
  const parsed = teamInput.safeParse(values);
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const user = await requireUser();
  const team = await createTeam(user.id, parsed.data);
  redirect(`/t/${team.slug}/members?created=1`);
}

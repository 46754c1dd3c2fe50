"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import type { ChallengeFormState } from "@/lib/validation/challenge";
import { createChallenge, getTeamChallenge, listChallengeCandidates, updateChallenge } from "@/db/queries/challenges";
import { listMyTeams, requireTeamRole } from "@/lib/authz";
import { challengeSummary, formatDay } from "@/lib/challenges/describe";
import { challengePhase } from "@/lib/challenges/rules";
import { todayInZone } from "@/lib/dates";
import { formValues } from "@/lib/form-data";
import { publicOrigin } from "@/lib/mail/origin";
import { hasRole } from "@/lib/team-access";
import { challengeEditSchema, challengeInputSchema } from "@/lib/validation/challenge";

const lists = (formData: FormData) => ({
  participantIds: formData.getAll("participantIds").filter((v) => typeof v === "string"),
  teamSlugs: formData.getAll("teamSlugs").filter((v) => typeof v === "string"),
});
const invalid = "Please correct the highlighted fields. Nothing was saved.";

/** Creates a challenge hosted by this team (managers and owners). */
export async function createChallengeAction(slug: string, _prev: ChallengeFormState, formData: FormData): Promise<ChallengeFormState> {
  const values = formValues(formData);
  const chosen = lists(formData);
  const { access, team } = await requireTeamRole(slug, "manager");
  const [members, myTeams] = await Promise.all([listChallengeCandidates(access), listMyTeams()]);
  const managed = myTeams.filter((t) => hasRole(t.role, "manager")).map((t) => t.slug);
  const parsed = challengeInputSchema({
    today: todayInZone(team.timeZone),
    hostTeamSlug: team.slug,
    memberIds: new Set(members.map((m) => m.id)),
    managedTeamSlugs: new Set(managed),
  }).safeParse({ ...values, ...chosen });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values, chosen, message: invalid };
  const teamIds: string[] = [];
  for (const s of parsed.data.teamSlugs) teamIds.push((await requireTeamRole(s, "manager")).team.id);
  const text = `New challenge “${parsed.data.name}”: ${challengeSummary(parsed.data)}, ${formatDay(parsed.data.startsOn)} – ${formatDay(parsed.data.endsOn)}.`;
  const id = await createChallenge(access, { ...parsed.data, teamIds }, { text, origin: publicOrigin() });
  revalidatePath(`/t/${slug}`, "layout");
  redirect(`/t/${slug}/challenges/${id}`);
}

/** Renames a hosted challenge or moves its end (and, before it starts, its start). */
export async function editChallengeAction(slug: string, id: string, _prev: ChallengeFormState, formData: FormData): Promise<ChallengeFormState> {
  const values = formValues(formData);
  const { access, team } = await requireTeamRole(slug, "manager");
  const challenge = await getTeamChallenge(access, id);
  if (!challenge || challenge.hostTeamId !== team.id) notFound();
  const today = todayInZone(team.timeZone);
  const phase = challengePhase(challenge, today);
  if (phase === "ended") return { message: "This challenge has ended: its result stays as it is." };
  const parsed = challengeEditSchema({ today, phase, startsOn: challenge.startsOn }).safeParse(values);
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values, message: invalid };
  if (!(await updateChallenge(access, id, parsed.data))) notFound();
  revalidatePath(`/t/${slug}`, "layout");
  redirect(`/t/${slug}/challenges/${id}`);
}

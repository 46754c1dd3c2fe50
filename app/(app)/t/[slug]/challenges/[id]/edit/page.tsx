import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChallengeEditForm } from "@/components/challenges/challenge-edit-form";
import { Card } from "@/components/ui/card";
import { getTeamChallenge } from "@/db/queries/challenges";
import { requireTeamRole } from "@/lib/authz";
import { challengePhase } from "@/lib/challenges/rules";
import { todayInZone } from "@/lib/dates";
import { editChallengeAction } from "../../actions";

export const metadata: Metadata = { title: "Edit challenge" };

/** The host team's managers edit a challenge that has not ended; everyone else gets a 404. */
export default async function EditChallengePage({ params }: PageProps<"/t/[slug]/challenges/[id]/edit">) {
  const { slug, id } = await params;
  const { access, team } = await requireTeamRole(slug, "manager");
  const challenge = await getTeamChallenge(access, id);
  if (!challenge || challenge.hostTeamId !== team.id) notFound();
  const phase = challengePhase(challenge, todayInZone(team.timeZone));
  if (phase === "ended") notFound();
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <p className="text-sm">
        <Link href={`/t/${team.slug}/challenges/${challenge.id}`}>← {challenge.name}</Link>
      </p>
      <h1 className="text-2xl font-bold">Edit challenge</h1>
      <Card>
        <ChallengeEditForm
          action={editChallengeAction.bind(null, team.slug, challenge.id)}
          defaults={{ name: challenge.name, startsOn: challenge.startsOn, endsOn: challenge.endsOn }}
          running={phase === "running"}
        />
      </Card>
    </div>
  );
}

import type { Metadata } from "next";
import { ChallengeForm } from "@/components/challenges/challenge-form";
import { Card } from "@/components/ui/card";
import { listChallengeCandidates } from "@/db/queries/challenges";
import { listMyTeams, requireTeamRole } from "@/lib/authz";
import { addDays, todayInZone } from "@/lib/dates";
import { hasRole } from "@/lib/team-access";
import { createChallengeAction } from "../actions";

export const metadata: Metadata = { title: "New challenge" };

export default async function NewChallengePage({ params }: PageProps<"/t/[slug]/challenges/new">) {
  const { slug } = await params;
  const { access, team } = await requireTeamRole(slug, "manager");
  const [members, myTeams] = await Promise.all([listChallengeCandidates(access), listMyTeams()]);
  const otherTeams = myTeams.filter((t) => t.slug !== team.slug && hasRole(t.role, "manager"));
  const today = todayInZone(team.timeZone);
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">New challenge</h1>
        <p className="text-sm text-muted">For {team.name}. Dates are in the team&apos;s time zone ({team.timeZone}).</p>
      </div>
      <Card>
        <ChallengeForm
          action={createChallengeAction.bind(null, team.slug)}
          members={members}
          otherTeams={otherTeams}
          defaults={{ startsOn: today, endsOn: addDays(today, 27) }}
        />
      </Card>
    </div>
  );
}

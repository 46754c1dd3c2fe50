import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StandingsTable } from "@/components/challenges/standings-table";
import { TeamStandings } from "@/components/challenges/team-standings";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getCurrentChallengeStandings } from "@/db/queries/challenge-standings";
import { getTeamChallenge } from "@/db/queries/challenges";
import { requireTeamRole } from "@/lib/authz";
import { challengeSummary, formatDay, rulesParagraph, timeLeftLabel } from "@/lib/challenges/describe";
import { challengePhase, FINAL_AFTER_DAYS, isFinal } from "@/lib/challenges/rules";
import { winnersOf } from "@/lib/challenges/winners";
import { addDays, todayInZone } from "@/lib/dates";
import { hasRole } from "@/lib/team-access";

export const metadata: Metadata = { title: "Challenge" };

/** One challenge: its ranked table, time left, baselines and current values, and the rules. */
export default async function ChallengePage({ params }: PageProps<"/t/[slug]/challenges/[id]">) {
  const { slug, id } = await params;
  const { access, team } = await requireTeamRole(slug);
  const challenge = await getTeamChallenge(access, id);
  if (!challenge) notFound();
  const host = challenge.teams[0]!;
  const today = todayInZone(host.timeZone);
  const phase = challengePhase(challenge, today);
  const standings = await getCurrentChallengeStandings(access, challenge);
  const winners = phase === "ended" ? winnersOf(challenge, standings) : [];
  const canEdit = phase !== "ended" && host.id === team.id && hasRole(access.role, "manager");
  const versus = challenge.kind === "versus";
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        <Link href={`/t/${team.slug}/challenges`}>← All challenges</Link>
      </p>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold wrap-anywhere">{challenge.name}</h1>
          <p className="text-sm text-muted">
            {challengeSummary(challenge)} · {formatDay(challenge.startsOn)} – {formatDay(challenge.endsOn)}
            {host.id !== team.id ? ` · hosted by ${host.name}` : ""}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <span data-testid="time-left" className={`rounded-full px-3 py-1 text-sm font-semibold ${phase === "running" ? "bg-brand text-on-brand" : "bg-raised text-muted"}`}>
            {timeLeftLabel(challenge, today)}
          </span>
          {canEdit ? (
            <ButtonLink variant="secondary" href={`/t/${team.slug}/challenges/${challenge.id}/edit`}>
              Edit
            </ButtonLink>
          ) : null}
        </div>
      </div>
      {phase === "ended" ? (
        <Alert tone={winners.length ? "success" : "info"} title={winners.length > 1 ? "Winners" : winners.length ? "Winner" : "Nobody could be ranked"}>
          {winners.length ? <span data-testid="winners">{winners.join(", ")}</span> : null}
          <span data-testid="result-status" className="block text-sm">
            {isFinal(challenge, today)
              ? "This is the final result."
              : `Provisional until ${formatDay(addDays(challenge.endsOn, FINAL_AFTER_DAYS))}: a score dated within the challenge and recorded late still counts until then.`}
          </span>
        </Alert>
      ) : phase === "upcoming" ? (
        <Alert tone="info">This challenge has not started. Starting scores are the latest on or before {formatDay(challenge.startsOn)}.</Alert>
      ) : null}
      {versus ? (
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Teams</h2>
          <TeamStandings teams={standings.teams} />
        </Card>
      ) : null}
      <Card flush>
        <h2 className="px-4 pt-4 text-lg font-semibold sm:px-6">{versus ? `${team.name}: your team` : "Standings"}</h2>
        {standings.entries.length === 0 ? (
          <p className="p-6 text-sm text-muted">Nobody takes part in this challenge from {team.name}.</p>
        ) : (
          <StandingsTable
            entries={standings.entries}
            kind={challenge.kind}
            metric={challenge.metric}
            startsOn={challenge.startsOn}
            caption={`${challenge.name}: participants ranked, with their starting and current scores`}
          />
        )}
      </Card>
      <Card>
        <h2 className="mb-1 text-sm font-semibold">The rules</h2>
        <p className="text-sm text-muted" data-testid="rules">
          {rulesParagraph(challenge, host.staleDays)}
        </p>
      </Card>
    </div>
  );
}

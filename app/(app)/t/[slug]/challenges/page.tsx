import type { Metadata } from "next";
import Link from "next/link";
import { ChallengeStrip } from "@/components/challenges/challenge-strip";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getChallengeCards } from "@/db/queries/challenge-cards";
import { requireTeamRole } from "@/lib/authz";
import { hasRole } from "@/lib/team-access";

export const metadata: Metadata = { title: "Challenges" };

/** The team's challenges: running, upcoming, and past ones with their winners. */
export default async function ChallengesPage({ params }: PageProps<"/t/[slug]/challenges">) {
  const { slug } = await params;
  const { access, team } = await requireTeamRole(slug);
  const { running, upcoming, ended, endedTotal } = await getChallengeCards(access);
  const canCreate = hasRole(access.role, "manager");
  const none = running.length + upcoming.length + ended.length === 0;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Challenges</h1>
          <p className="text-sm text-muted">Time-boxed competitions that reward improvement, not only the people already on top.</p>
        </div>
        {canCreate ? <ButtonLink href={`/t/${team.slug}/challenges/new`}>New challenge</ButtonLink> : null}
      </div>
      {none ? (
        <Card className="py-10 text-center">
          <p className="font-semibold">No challenges yet</p>
          <p className="text-sm text-muted">
            {canCreate
              ? "Start one: most improved over a month, a race to a target, or your team against another you manage."
              : "When a manager starts a challenge, it shows here and above the leaderboard."}
          </p>
        </Card>
      ) : null}
      {running.length ? <ChallengeStrip slug={team.slug} cards={running} linkAll={false} /> : null}
      {upcoming.length ? (
        <section aria-labelledby="upcoming" className="flex flex-col gap-2">
          <h2 id="upcoming" className="text-sm font-semibold uppercase tracking-wide text-muted">Upcoming</h2>
          <ul className="flex flex-col gap-2">
            {upcoming.map((c) => (
              <li key={c.id} data-testid="upcoming-challenge">
                <Link href={`/t/${team.slug}/challenges/${c.id}`} className="font-medium">{c.name}</Link>
                <span className="text-sm text-muted"> · {c.summary} · {c.timeLeft}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {ended.length ? (
        <section aria-labelledby="past" className="flex flex-col gap-2">
          <h2 id="past" className="text-sm font-semibold uppercase tracking-wide text-muted">Past challenges</h2>
          <Card flush>
            <ul>
              {ended.map((c) => (
                <li key={c.id} data-testid="past-challenge" data-challenge-name={c.name} className="flex flex-wrap items-baseline justify-between gap-2 border-b border-line px-4 py-3 last:border-0">
                  <span className="min-w-0">
                    <Link href={`/t/${team.slug}/challenges/${c.id}`} className="font-medium wrap-anywhere">{c.name}</Link>
                    <span className="block text-xs text-muted">{c.summary} · {c.timeLeft}</span>
                  </span>
                  <span className="text-sm">
                    {c.leaders.length ? (
                      <>
                        <span className="text-muted">{c.leaders.length > 1 ? "Winners: " : "Winner: "}</span>
                        <span className="font-semibold">{c.leaders.join(", ")}</span>
                      </>
                    ) : (
                      <span className="text-muted">Nobody could be ranked</span>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
          {endedTotal > ended.length ? <p className="text-xs text-muted">The latest {ended.length} of {endedTotal} past challenges.</p> : null}
        </section>
      ) : null}
    </div>
  );
}

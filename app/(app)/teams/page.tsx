import type { Metadata } from "next";
import Link from "next/link";
import { RankChange, ScoreChange } from "@/components/leaderboard/change";
import { formatScore } from "@/lib/format";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getTeamLeaderboard } from "@/db/queries/leaderboard";
import { listMyTeams, requireTeamRole, requireUser } from "@/lib/authz";
import { todayInZone } from "@/lib/dates";

export const metadata: Metadata = { title: "Your teams" };

const ROLE_LABEL = { owner: "Owner", manager: "Manager", member: "Member" } as const;

export default async function TeamsPage() {
  const user = await requireUser("/teams");
  const teams = [];
  // Each team's board as of its own today (cached per team and data version, as on My SSI), for the person's row.
  for (const t of await listMyTeams()) {
    const { access, team } = await requireTeamRole(t.slug);
    const board = await getTeamLeaderboard(access, { asOf: todayInZone(team.timeZone), by: "total", staleDays: team.staleDays, version: team.dataVersion });
    teams.push({ ...t, memberCount: board.memberCount, rankedCount: board.rankedCount, me: board.entries.find((e) => e.isViewer) });
  }
  const firstName = (user.name ?? "").split(" ")[0] || "there";
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Welcome, {firstName}</h1>
          <p className="text-sm text-muted">Your teams and where you stand in each: your rank, your SSI and how both changed in a week.</p>
        </div>
        <ButtonLink href="/new-team" variant={teams.length ? "secondary" : "primary"}>
          Create a team
        </ButtonLink>
      </div>
      {teams.length === 0 ? (
        <Card className="flex flex-col items-center gap-3 py-12 text-center">
          <span aria-hidden className="text-4xl">🏁</span>
          <h2 className="text-lg font-semibold">You&apos;re not in a team yet</h2>
          <p className="max-w-md text-sm text-muted">
            Open the invitation link your manager sent you to join your team&apos;s leaderboard, or create a team and
            invite your colleagues.
          </p>
        </Card>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Your teams">
          {teams.map((t) => (
            <li key={t.slug}>
              <Link
                href={`/t/${t.slug}`}
                data-testid="team-card"
                data-team-name={t.name}
                className="flex h-full flex-col gap-3 rounded-lg border border-line bg-surface p-5 text-fg no-underline shadow-sm hover:border-brand hover:no-underline"
              >
                <span className="flex flex-col gap-0.5">
                  <span className="text-lg font-semibold wrap-anywhere">{t.name}</span>
                  <span className="text-sm text-muted">
                    {ROLE_LABEL[t.role]} · {t.memberCount} {t.memberCount === 1 ? "member" : "members"}
                  </span>
                </span>
                <Standing me={t.me} rankedCount={t.rankedCount} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type Me = Awaited<ReturnType<typeof getTeamLeaderboard>>["entries"][number] | undefined;

/** The person's rank and SSI with their changes since a week earlier, or why they are not ranked. */
function Standing({ me, rankedCount }: { me: Me; rankedCount: number }) {
  if (!me || me.rank === null || me.total === null) {
    const why = me?.status === "stale" ? "Not ranked: your latest score is too old." : "Not ranked yet: record your SSI to appear.";
    return <span className="text-sm text-muted" data-testid="team-standing">{why}</span>;
  }
  return (
    <dl className="grid grid-cols-2 gap-3 text-sm" data-testid="team-standing">
      <div>
        <dt className="text-xs text-muted">Your rank</dt>
        <dd className="flex items-baseline gap-2">
          <span className="text-xl font-bold tabular-nums">#{me.rank}</span>
          <span className="text-muted">of {rankedCount}</span>
          <RankChange change={me.rankChange} />
        </dd>
      </div>
      <div>
        <dt className="text-xs text-muted">Your SSI</dt>
        <dd className="flex items-baseline gap-2">
          <span className="text-xl font-bold tabular-nums">{formatScore(me.total, 1)}</span>
          <ScoreChange change={me.totalChange} />
        </dd>
      </div>
    </dl>
  );
}

import type { Metadata } from "next";
import { Suspense } from "react";
import { BoardSkeleton } from "@/components/leaderboard/board-skeleton";
import { LeaderboardView } from "@/components/leaderboard/leaderboard-view";
import { Alert } from "@/components/ui/alert";
import { OnboardingChecklist } from "@/components/team/onboarding-checklist";
import { keptTeamStrings } from "@/db/queries/cache";
import { getTeamLeaderboard } from "@/db/queries/leaderboard";
import { getOnboardingStatus } from "@/db/queries/onboarding";
import { hasRole } from "@/lib/team-access";
import { requireTeamRole, type TeamRoleGrant } from "@/lib/authz";
import { todayInZone } from "@/lib/dates";
import { parseBoardParams, type BoardParams } from "@/lib/validation/board";
import { RunningChallengesStrip } from "./_challenges/running-strip";

export const metadata: Metadata = { title: "Leaderboard" };

// Served from the rendered-page cache (server/page-cache.mjs) when its key is unchanged: everything this page reads
// beyond the team's data version, the viewer and the day (the challenge strip, the owner's checklist) is read into
// that key by server/page-cache-key.ts. A read added here must be added there.
export default async function LeaderboardPage({ params, searchParams }: PageProps<"/t/[slug]">) {
  const { slug } = await params;
  // Authorization happens before the Suspense boundary so an outsider still gets a real 404 status.
  const grant = await requireTeamRole(slug);
  const today = todayInZone(grant.team.timeZone);
  const board = parseBoardParams(await searchParams, today);
  return (
    <Suspense key={`${board.asOf}|${board.by}|${board.page}`} fallback={<BoardSkeleton teamName={grant.team.name} />}>
      <Board grant={grant} today={today} params={board} />
    </Suspense>
  );
}

async function Board({ grant: { access, team }, today, params: { asOf, by, page, adjusted } }: { grant: TeamRoleGrant; today: string; params: BoardParams }) {
  const [board, onboarding] = await Promise.all([
    getTeamLeaderboard(access, { asOf, by, staleDays: team.staleDays, version: team.dataVersion }),
    hasRole(access.role, "manager") ? getOnboardingStatus(access) : null,
  ]);
  // The ranked rows are the same for every viewer of one class (this team at this data version, date, ranking,
  // and whether hidden components are visible), except the viewer's own row, which is built per request: kept
  // rows are reused (RankedTable). A member's board ranked by a component is computed for the viewer: not kept.
  const seesAll = hasRole(access.role, "manager");
  const rows =
    seesAll || by === "total"
      ? keptTeamStrings(team.id, team.dataVersion, `board-rows:${asOf}:${by}:${team.staleDays}:${seesAll ? "all" : "member"}`)
      : undefined;
  return (
    <div className="flex flex-col gap-4">
      {onboarding ? <OnboardingChecklist slug={team.slug} status={onboarding} /> : null}
      <RunningChallengesStrip access={access} slug={team.slug} />
      {adjusted ? <Alert tone="warning">That date is outside 2014-01-01 to today, so the board shows {asOf}.</Alert> : null}
      <LeaderboardView
        board={{ ...board, teamName: team.name, asOf, today, by, staleDays: team.staleDays }}
        submitHref={`/t/${team.slug}/submit`}
        teamSlug={team.slug}
        page={page}
        rows={rows}
      />
    </div>
  );
}

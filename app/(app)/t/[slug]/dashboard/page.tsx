import type { Metadata } from "next";
import { Suspense } from "react";
import { DashboardSkeleton } from "@/components/dashboard/dashboard-skeleton";
import { CoachingList, ImproversList, NotSubmittedList } from "@/components/dashboard/dashboard-lists";
import { shortDate, signed } from "@/lib/format";
import { HeadlineTiles } from "@/components/dashboard/headline-tiles";
import { PillarHeatmap } from "@/components/dashboard/pillar-heatmap";
import { DistributionChart, PillarTrendChart, TeamTrendChart } from "@/components/dashboard/trend-charts";
import { Alert } from "@/components/ui/alert";
import { buttonClass, ButtonLink } from "@/components/ui/button";
import { WeekRangeLinks } from "@/components/dashboard/week-range-links";
import { cachedTeamFigure } from "@/db/queries/cache";
import { cachedTeamNow, getTeamTrend } from "@/db/queries/dashboard";
import { listPendingReminders } from "@/db/queries/dashboard-reminders";
import { listMyTeams, requireTeamRole, type TeamRoleGrant } from "@/lib/authz";
import { coachingList, topImprovers } from "@/lib/team-coaching";
import { addDays, todayInZone, weekStartOf } from "@/lib/dates";
import { parseWeeks } from "@/lib/validation/dashboard";
import { remindAction } from "./actions";

export const metadata: Metadata = { title: "Dashboard" };

// Served from the rendered-page cache (server/page-cache.mjs) when its key is unchanged: everything this page reads
// beyond the team's data version, the viewer and the day (the pending reminders) is read into that key by
// server/page-cache-key.ts. A read added here must be added there.
export default async function DashboardPage({ params, searchParams }: PageProps<"/t/[slug]/dashboard">) {
  const { slug } = await params;
  // Authorization happens before the Suspense boundary so a member still gets a real 404 status.
  const grant = await requireTeamRole(slug, "manager");
  const { team } = grant;
  const weeks = parseWeeks((await searchParams).weeks);
  const today = todayInZone(team.timeZone);
  const base = `/t/${team.slug}`;
  const multiTeam = (await listMyTeams()).filter((t) => t.role !== "member").length > 1;
  // The export covers the charts' range: from the start of the first charted week to today.
  const from = addDays(weekStartOf(today, team.weekStart), -7 * (weeks - 1));

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Dashboard</h1>
          <p className="text-sm text-muted">
            Weeks start on {["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][team.weekStart - 1]} in{" "}
            {team.timeZone.replaceAll("_", " ")}. Scores older than {team.staleDays} days don&apos;t count.
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {multiTeam ? (
            <ButtonLink href="/teams/overview" variant="ghost">
              Compare your teams
            </ButtonLink>
          ) : null}
          <a href={`${base}/export?from=${from}&to=${today}`} className={buttonClass("secondary")} download>
            Export CSV
          </a>
          <ButtonLink href={`${base}/import`} variant="secondary">
            Import CSV
          </ButtonLink>
        </div>
      </div>

      <Suspense key={weeks} fallback={<DashboardSkeleton />}>
        <DashboardBody grant={grant} today={today} weeks={weeks} />
      </Suspense>
    </div>
  );
}

/** Everything computed from the team's scores: warnings, headline figures, charts and the three lists. */
async function DashboardBody({ grant: { access, team }, today, weeks }: { grant: TeamRoleGrant; today: string; weeks: number }) {
  const cal = { today, weekStart: team.weekStart, staleDays: team.staleDays };
  // The team's figures for this calendar, shared by every manager's view until the team's data changes.
  const figure = <T,>(name: string, load: () => Promise<T>) =>
    cachedTeamFigure(team.id, team.dataVersion, `dashboard:${name}:${today}:${team.weekStart}:${team.staleDays}`, load);
  // All at once: the reminders are not a figure (they change without the data version) and need only the week.
  // The trend's current week is the one the members-now statement computes; its past weeks are read meanwhile.
  const teamNow = cachedTeamNow(team, access, cal);
  const [trend, now, pending] = await Promise.all([
    figure(`trend:${weeks}`, () => getTeamTrend(access, cal, weeks, { current: teamNow.then((n) => n.currentWeek) })),
    teamNow,
    listPendingReminders(access, weekStartOf(today, team.weekStart)),
  ]);
  const { headline } = now;
  const recalibrated = trend.filter((w) => w.recalibration.likely);
  const notSubmitted = now.members.filter((m) => !m.submittedThisWeek);
  const base = `/t/${team.slug}`;

  return (
    <>

      {recalibrated.length ? (
        <Alert tone="warning" title="Likely LinkedIn-wide change">
          {recalibrated.map((w) => (
            <span key={w.weekStart} className="block">
              Week of {shortDate(w.weekStart)}: {w.recalibration.similar} of {w.recalibration.compared} members moved{" "}
              {w.recalibration.direction === "down" ? "down" : "up"} by a similar amount (median {signed(w.recalibration.medianChange)}). LinkedIn
              probably recalculated everyone&apos;s SSI; read it as a change of scale, not of the team.
            </span>
          ))}
        </Alert>
      ) : null}

      <HeadlineTiles h={headline} />

      <WeekRangeLinks label="Chart range" current={weeks} href={(n) => `${base}/dashboard?weeks=${n}`} />

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <TeamTrendChart trend={trend} />
        <PillarTrendChart trend={trend} />
        <DistributionChart distribution={now.distribution} />
        <PillarHeatmap members={now.members} slug={team.slug} />
      </div>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <ImproversList improvers={topImprovers(now.members)} slug={team.slug} />
        <CoachingList entries={coachingList(now.members, now.componentMedians)} slug={team.slug} />
        <NotSubmittedList viewerId={access.userId} members={notSubmitted} pending={pending} today={today} slug={team.slug} remind={remindAction} />
      </div>
    </>
  );
}

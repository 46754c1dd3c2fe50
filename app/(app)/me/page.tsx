import type { Metadata } from "next";
import Link from "next/link";
import { ScoreChange } from "@/components/leaderboard/change";
import { ComponentBars } from "@/components/leaderboard/component-bars";
import { formatDate, formatScore } from "@/lib/format";
import { CoachingCard } from "@/components/me/coaching-card";
import { GoalCard } from "@/components/me/goal-card";
import { GoalForm } from "@/components/me/goal-form";
import { MeCharts } from "@/components/me/me-charts";
import { bigNumber, StatTile } from "@/components/ui/stat-tile";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getAccount } from "@/db/queries/account";
import { getGoal, getPersonalBest, getScoreAtOrBefore, listHistory } from "@/db/queries/goals";
import { getTeamLeaderboard } from "@/db/queries/leaderboard";
import { listMyTeams, requireTeamRole, requireUser } from "@/lib/authz";
import { addDays, todayInZone } from "@/lib/dates";
import { componentTargets, goalBaseline, goalBaselineDay, goalFormDefaults, projectGoal } from "@/lib/goals";
import { biggestMove, coachingFocus, componentMedians } from "@/lib/me-coaching";
import type { ComponentValues } from "@/lib/ssi";
import { weeklyStreak } from "@/lib/streaks";
import { clearGoalAction, saveGoalAction } from "./actions";

export const metadata: Metadata = { title: "My SSI" };

const values = (s: ComponentValues): ComponentValues => ({ brand: s.brand, people: s.people, insights: s.insights, relationships: s.relationships });

export default async function MePage() {
  const user = await requireUser("/me");
  const account = await getAccount(user.id);
  const today = todayInZone(account?.timeZone ?? "UTC");
  const [history, goal, best, latest, weekAgo, monthAgo, teams] = await Promise.all([
    listHistory(user.id, addDays(today, -730)),
    getGoal(user.id),
    getPersonalBest(user.id),
    getScoreAtOrBefore(user.id, today),
    getScoreAtOrBefore(user.id, addDays(today, -7)),
    getScoreAtOrBefore(user.id, addDays(today, -30)),
    listMyTeams(),
  ]);
  // Every team's board at once: they do not depend on each other.
  const boards = await Promise.all(
    teams.map(async (t) => {
      const { access, team } = await requireTeamRole(t.slug);
      const board = await getTeamLeaderboard(access, { asOf: todayInZone(team.timeZone), by: "total", staleDays: team.staleDays, version: team.dataVersion });
      return { team, board };
    }),
  );
  const streak = weeklyStreak(history.map((h) => h.measuredOn), today);
  const recordHref = teams[0] ? `/t/${teams[0].slug}/submit` : "/teams";

  const header = (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-bold sm:text-3xl">My SSI</h1>
        <p className="text-sm text-muted">Your own progress, goal and what to work on. Only you see this page.</p>
      </div>
      {teams.length ? <ButtonLink href={recordHref}>Record today&apos;s SSI</ButtonLink> : null}
    </div>
  );

  if (!latest) {
    return (
      <div className="flex flex-col gap-6">
        {header}
        <Card className="flex flex-col items-center gap-3 py-12 text-center" data-testid="me-empty">
          <span aria-hidden className="text-4xl">📈</span>
          <h2 className="text-lg font-semibold">No scores yet</h2>
          <p className="max-w-md text-sm text-muted">
            Record your SSI from LinkedIn once a week and this page shows your trend, your best, your streak and what to
            work on next.
          </p>
          <ButtonLink href={recordHref}>{teams.length ? "Record your SSI" : "Join or create a team first"}</ButtonLink>
        </Card>
      </div>
    );
  }

  const mine = values(latest);
  const teammates = new Map<string, ComponentValues>();
  for (const { board } of boards) {
    for (const e of board.entries) if (e.components && !e.isViewer && e.status === "ranked") teammates.set(e.userId, e.components);
  }
  const medians = componentMedians([...teammates.values()]);
  const focus = coachingFocus(mine, medians);
  const move = monthAgo && monthAgo.measuredOn !== latest.measuredOn ? biggestMove(mine, values(monthAgo)) : null;

  let goalView = null;
  if (goal) {
    const before = (await getScoreAtOrBefore(user.id, goalBaselineDay(goal)))?.total;
    const projection = projectGoal({
      points: history.map((h) => ({ date: h.measuredOn, value: h.total })),
      current: latest.total,
      baseline: goalBaseline(goal, before, history, latest.total),
      target: goal.targetTotal,
      targetDate: goal.targetDate,
      today,
    });
    goalView = { projection, componentTargets: componentTargets(goal, mine) };
  }
  const goalDefaults = goal ? goalFormDefaults(goal) : undefined;

  return (
    <div className="flex flex-col gap-6">
      {header}
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <StatTile label="Current SSI" testId="me-current" note={`Recorded ${formatDate(latest.measuredOn)}`}>
          <span className={bigNumber}>{formatScore(latest.total, 1)}</span>
        </StatTile>
        <StatTile label="vs last week" note={weekAgo ? `From ${formatScore(weekAgo.total, 1)} on ${formatDate(weekAgo.measuredOn)}` : "No score a week ago"}>
          <span className="text-xl">{weekAgo ? <ScoreChange change={latest.total - weekAgo.total} /> : "—"}</span>
        </StatTile>
        <StatTile label="vs last month" note={monthAgo ? `From ${formatScore(monthAgo.total, 1)} on ${formatDate(monthAgo.measuredOn)}` : "No score a month ago"}>
          <span className="text-xl">{monthAgo ? <ScoreChange change={latest.total - monthAgo.total} /> : "—"}</span>
        </StatTile>
        <StatTile label="Personal best" note={best ? formatDate(best.measuredOn) : undefined}>
          <span className={bigNumber}>{best ? formatScore(best.total, 1) : "—"}</span>
        </StatTile>
        <StatTile
          label="Weekly streak"
          testId="me-streak"
          note={streak.thisWeek ? `This week is done. Longest: ${streak.longest}` : streak.current > 0 ? "Record this week to keep it going" : `Longest: ${streak.longest}`}
        >
          <span className={bigNumber}>{streak.current}</span>
          <span className="text-sm text-muted"> {streak.current === 1 ? "week" : "weeks"}</span>
        </StatTile>
      </dl>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card aria-labelledby="me-components">
          <h2 id="me-components" className="mb-3 text-lg font-semibold">
            Your four components
          </h2>
          <ComponentBars components={mine} highlight={focus.component} />
        </Card>
        <Card aria-labelledby="me-teams">
          <h2 id="me-teams" className="mb-3 text-lg font-semibold">
            Your rank in your teams
          </h2>
          {boards.length === 0 ? (
            <p className="text-sm text-muted">You are not in a team yet.</p>
          ) : (
            <ul className="divide-y divide-line" data-testid="me-team-ranks">
              {boards.map(({ team, board }) => (
                <li key={team.id} className="flex items-center justify-between gap-3 py-2">
                  <Link href={`/t/${team.slug}`} className="min-w-0 truncate font-medium">
                    {team.name}
                  </Link>
                  <span className="shrink-0 text-sm tabular-nums">
                    {board.viewer?.rank != null ? (
                      <>
                        <span className="font-bold">#{board.viewer.rank}</span> <span className="text-muted">of {board.rankedCount}</span>
                      </>
                    ) : (
                      <span className="text-muted">{board.viewer?.status === "stale" ? "Not ranked: score too old" : "Not ranked"}</span>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        {goal && goalView ? (
          <GoalCard target={goal.targetTotal} targetDate={goal.targetDate} current={latest.total} projection={goalView.projection} componentTargets={goalView.componentTargets}>
            <details className="mt-4 border-t border-line pt-3">
              <summary className="cursor-pointer text-sm font-medium text-brand">Change goal</summary>
              <div className="mt-3 flex flex-col gap-3">
                <GoalForm action={saveGoalAction} defaults={goalDefaults} minDate={addDays(today, 1)} />
                <form action={clearGoalAction}>
                  <button type="submit" className="text-sm text-danger underline">
                    Remove goal
                  </button>
                </form>
              </div>
            </details>
          </GoalCard>
        ) : (
          <Card aria-labelledby="goal-new">
            <h2 id="goal-new" className="text-lg font-semibold">
              Set a goal
            </h2>
            <p className="mb-4 text-sm text-muted">Pick a target SSI and a date; the page tracks your progress and projects when you get there.</p>
            <GoalForm action={saveGoalAction} minDate={addDays(today, 1)} />
          </Card>
        )}
        <CoachingCard focus={focus} comparedWithTeams={medians !== null} move={move} />
      </div>

      <MeCharts history={history.filter((h) => h.measuredOn >= addDays(today, -365))} />
    </div>
  );
}

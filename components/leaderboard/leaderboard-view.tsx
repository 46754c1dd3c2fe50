import type { Leaderboard } from "@/db/queries/leaderboard-types";
import { addDays } from "@/lib/dates";
import { BoardControls } from "./board-controls";
import { BoardSummary } from "./board-summary";
import { EmptyBoard } from "./empty-board";
import { formatDate, rankByLabel, tiedRanks } from "./format";
import { RankedCards } from "./ranked-cards";
import { RankedTable } from "./ranked-table";
import { HiddenList, NeverList, StaleList } from "./unranked-lists";

/** Where "Back to today" goes: the same board without a date, keeping the ranking choice. */
function todayHref(teamSlug: string, by: Leaderboard["by"]): string {
  const path = `/t/${encodeURIComponent(teamSlug)}`;
  return by === "total" ? path : `${path}?by=${by}`;
}

/** A team's leaderboard: summary figures, date and ranking controls, the ranked members, and everyone else. */
export function LeaderboardView({
  board,
  submitHref,
  teamSlug,
}: {
  board: Leaderboard;
  submitHref: string;
  teamSlug: string;
}) {
  const ranked = board.entries.filter((e) => e.status === "ranked");
  const stale = board.entries.filter((e) => e.status === "stale");
  const never = board.entries.filter((e) => e.status === "never");
  const hiddenByComponent = board.entries.filter((e) => e.status === "hidden");
  const someoneHides = board.entries.some((e) => e.hidden);
  const nobodyScored = ranked.length === 0 && stale.length === 0 && hiddenByComponent.length === 0;
  const tied = tiedRanks(ranked);
  const historical = board.asOf !== board.today;

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-4 xl:flex-row xl:items-end xl:justify-between">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold tracking-tight wrap-anywhere sm:text-3xl">{board.teamName}</h1>
          <p className="mt-1 text-sm text-muted">
            Leaderboard · ranked by <span className="font-medium text-fg">{rankByLabel(board.by)}</span> ·{" "}
            {historical ? (
              <span className="whitespace-nowrap font-medium text-warn">as of {formatDate(board.asOf)}</span>
            ) : (
              <span className="whitespace-nowrap">today, {formatDate(board.today)}</span>
            )}
          </p>
        </div>
        <BoardControls
          asOf={board.asOf}
          today={board.today}
          by={board.by}
          todayHref={todayHref(teamSlug, board.by)}
        />
      </header>

      {nobodyScored ? (
        <EmptyBoard submitHref={submitHref} asOf={board.asOf} today={board.today} />
      ) : (
        <>
          <BoardSummary board={board} submitHref={submitHref} />
          {ranked.length > 0 ? (
            <section aria-labelledby="board-ranked" className="flex flex-col gap-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 id="board-ranked" className="text-lg font-semibold">
                  Ranking
                </h2>
                <p className="text-xs text-muted">
                  Changes compare with {formatDate(addDays(board.asOf, -7))}
                </p>
              </div>
              <div className="hidden overflow-x-auto rounded-lg border border-line bg-surface shadow-sm lg:block">
                <RankedTable entries={ranked} by={board.by} tied={tied} teamName={board.teamName} />
              </div>
              <div className="lg:hidden">
                <RankedCards entries={ranked} by={board.by} tied={tied} />
              </div>
            </section>
          ) : hiddenByComponent.length > 0 ? null : (
            <p
              role="status"
              className="rounded-lg border border-line bg-surface px-4 py-6 text-center text-muted"
            >
              Nobody is ranked {historical ? `as of ${formatDate(board.asOf)}` : "today"}: every score is
              older than {board.staleDays} days.
            </p>
          )}
        </>
      )}

      {hiddenByComponent.length > 0 ? (
        <HiddenList entries={hiddenByComponent} componentLabel={rankByLabel(board.by)} />
      ) : null}
      {someoneHides ? (
        <p className="text-xs text-muted" data-testid="privacy-note">
          🔒 Some people show teammates only their total SSI; managers and owners still see their four components.
          Ranked by a component, they are listed separately instead of ranked. Change yours in{" "}
          <a href="/account#privacy">your account</a>.
        </p>
      ) : null}

      {stale.length > 0 || never.length > 0 ? (
        <div
          className={`grid items-start gap-4 ${stale.length > 0 && never.length > 0 ? "lg:grid-cols-2" : ""}`}
        >
          {stale.length > 0 ? (
            <StaleList entries={stale} staleDays={board.staleDays} submitHref={submitHref} />
          ) : null}
          {never.length > 0 ? <NeverList entries={never} submitHref={submitHref} /> : null}
        </div>
      ) : null}
    </div>
  );
}

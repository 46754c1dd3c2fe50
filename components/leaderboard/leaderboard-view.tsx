import type { Leaderboard } from "@/db/queries/leaderboard-types";
import { pageLinkClass, PrevNextLinks } from "@/components/ui/page-links";
import { addDays } from "@/lib/dates";
import { pageOf } from "@/lib/paging";
import { BoardControls } from "./board-controls";
import { BoardSummary } from "./board-summary";
import { EmptyBoard } from "./empty-board";
import { formatDate } from "@/lib/format";
import { rankByLabel, tiedRanks } from "./format";
import { RankedTable } from "./ranked-table";
import type { RowStore } from "./ranked-rows";
import { HiddenList, NeverList, StaleList } from "./unranked-lists";

/** Where "Back to today" goes: the same board without a date, keeping the ranking choice. */
function todayHref(teamSlug: string, by: Leaderboard["by"]): string {
  const path = `/t/${encodeURIComponent(teamSlug)}`;
  return by === "total" ? path : `${path}?by=${by}`;
}

/** Ranks shown per page: a 1,000-member board in one page would be megabytes of markup for one phone screen. */
export const RANKS_PER_PAGE = 100;

/** The board's address for another page of ranks, keeping the date and the ranking choice. */
function pageHref(teamSlug: string, board: Leaderboard, page: number): string {
  const q = new URLSearchParams();
  if (board.asOf !== board.today) q.set("asOf", board.asOf);
  if (board.by !== "total") q.set("by", board.by);
  if (page > 1) q.set("page", String(page));
  const query = q.toString();
  return `/t/${encodeURIComponent(teamSlug)}${query ? `?${query}` : ""}`;
}

/** A team's leaderboard: summary figures, date and ranking controls, the ranked members, and everyone else. */
export function LeaderboardView({
  board,
  submitHref,
  teamSlug,
  page: requestedPage = 1,
  rows,
}: {
  board: Leaderboard;
  submitHref: string;
  teamSlug: string;
  /** Which page of ranks to show (RANKS_PER_PAGE each); past the last page shows the last. */
  page?: number;
  /** Ranked rows kept for this class of views (see RankedTable); without it every row is built. */
  rows?: RowStore;
}) {
  const allRanked = board.entries.filter((e) => e.status === "ranked");
  const { shown: ranked, page, pages } = pageOf(allRanked, requestedPage, RANKS_PER_PAGE);
  const viewerIndex = allRanked.findIndex((e) => e.isViewer);
  const viewerPage = viewerIndex < 0 ? null : Math.floor(viewerIndex / RANKS_PER_PAGE) + 1;
  const stale = board.entries.filter((e) => e.status === "stale");
  const never = board.entries.filter((e) => e.status === "never");
  const hiddenByComponent = board.entries.filter((e) => e.status === "hidden");
  const someoneHides = board.entries.some((e) => e.hidden);
  const nobodyScored = allRanked.length === 0 && stale.length === 0 && hiddenByComponent.length === 0;
  const tied = tiedRanks(allRanked);
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
          {allRanked.length > 0 ? (
            <section aria-labelledby="board-ranked" className="flex flex-col gap-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 id="board-ranked" className="text-lg font-semibold">
                  Ranking
                </h2>
                <p className="text-xs text-muted">
                  Changes compare with {formatDate(addDays(board.asOf, -7))}
                </p>
              </div>
              <div className="lg:overflow-x-auto lg:rounded-lg lg:border lg:border-line lg:bg-surface lg:shadow-sm">
                <RankedTable entries={ranked} by={board.by} tied={tied} teamName={board.teamName} rows={rows} />
              </div>
              {pages > 1 ? (
                <RankPager
                  page={page}
                  pages={pages}
                  shown={[ranked[0]!.rank!, ranked[ranked.length - 1]!.rank!]}
                  total={allRanked.length}
                  href={(p) => pageHref(teamSlug, board, p)}
                  viewerPage={viewerPage}
                />
              ) : null}
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

/** "Ranks 101–200 of 1,000", previous and next, and a way back to the viewer's own place. */
function RankPager({
  page,
  pages,
  shown,
  total,
  href,
  viewerPage,
}: {
  page: number;
  pages: number;
  shown: [number, number];
  total: number;
  href: (page: number) => string;
  viewerPage: number | null;
}) {
  return (
    <nav aria-label="Ranking pages" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-muted" data-testid="rank-range">
        Ranks {shown[0]}–{shown[1]} of {total.toLocaleString("en")} ranked · page {page} of {pages}
      </p>
      <div className="flex flex-wrap gap-2">
        {viewerPage !== null && viewerPage !== page ? (
          <a href={href(viewerPage)} className={pageLinkClass}>
            Your place (page {viewerPage})
          </a>
        ) : null}
        <PrevNextLinks page={page} pages={pages} perPage={RANKS_PER_PAGE} href={href} />
      </div>
    </nav>
  );
}

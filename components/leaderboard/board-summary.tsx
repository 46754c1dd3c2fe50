import Link from "next/link";
import type { Leaderboard } from "@/db/queries/leaderboard-types";
import { formatScore } from "@/lib/format";
import { bigNumber as big, StatTile } from "@/components/ui/stat-tile";

function ViewerTile({
  board,
  submitHref,
  className,
}: {
  board: Leaderboard;
  submitHref: string;
  className: string;
}) {
  const viewer = board.viewer;
  if (!viewer) return null;
  if (viewer.status === "ranked" && viewer.rank != null) {
    const tied = board.entries.filter((e) => e.status === "ranked" && e.rank === viewer.rank).length > 1;
    return (
      <StatTile
        label="Your rank"
        tone="brand"
        className={className}
        note={tied ? "Tied with a teammate" : undefined}
      >
        <p>
          <span className="sr-only">You are </span>
          <span className={big}>#{viewer.rank}</span>
          <span className="text-sm text-muted"> of {board.rankedCount}</span>
        </p>
      </StatTile>
    );
  }
  const message =
    viewer.status === "stale"
      ? `Your latest score is older than ${board.staleDays} days — submit a fresh one to be ranked`
      : "You haven't recorded your SSI yet";
  return (
    <StatTile label="Your rank" tone="brand" className={className}>
      <p className="text-lg font-bold">Not ranked</p>
      <p className="mt-1 text-sm">
        {message}.{" "}
        <Link href={submitHref} className="font-semibold underline">
          {viewer.status === "stale" ? "Submit a fresh score" : "Record your SSI"}
        </Link>
      </p>
    </StatTile>
  );
}

/** The figures above the board: the viewer's place, the team's average and median, and who is ranked. */
export function BoardSummary({ board, submitHref }: { board: Leaderboard; submitHref: string }) {
  const dash = <span className={`${big} text-muted`}>—</span>;
  const unranked = board.memberCount - board.rankedCount;
  return (
    <dl className={`grid grid-cols-2 gap-3 ${board.viewer ? "lg:grid-cols-4" : "sm:grid-cols-3"}`}>
      <ViewerTile board={board} submitHref={submitHref} className="col-span-2 lg:col-span-1" />
      <StatTile label="Team average" note="Total SSI of ranked members">
        {board.average == null ? dash : <span className={big}>{formatScore(board.average)}</span>}
      </StatTile>
      <StatTile label="Team median" note="Half the team is above this">
        {board.median == null ? dash : <span className={big}>{formatScore(board.median)}</span>}
      </StatTile>
      <StatTile
        label="Ranked"
        className={board.viewer ? "col-span-2 lg:col-span-1" : "col-span-2 sm:col-span-1"}
        note={unranked > 0 ? `${unranked} not ranked: stale or no score yet` : "Everyone has a fresh score"}
      >
        <span className={big}>{board.rankedCount}</span>
        <span className="text-sm text-muted"> / {board.memberCount} members</span>
      </StatTile>
    </dl>
  );
}

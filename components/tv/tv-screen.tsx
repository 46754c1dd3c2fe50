import type { Leaderboard } from "@/db/queries/leaderboard-types";
import { AutoRefresh } from "./auto-refresh";

type Board = Pick<Leaderboard, "entries" | "rankedCount" | "memberCount" | "average">;

/** The office-screen leaderboard: large type, top of the board, movement since yesterday, no navigation. */
export function TvScreen({ teamName, today, yesterday, refreshSeconds, renderedAt, limit = 12 }: {
  teamName: string;
  today: Board;
  yesterday: Board;
  refreshSeconds: number;
  renderedAt: string;
  limit?: number;
}) {
  const before = new Map(yesterday.entries.map((e) => [e.userId, e]));
  const ranked = today.entries.filter((e) => e.status === "ranked").slice(0, limit);
  return (
    <main id="main" className="flex min-h-dvh flex-col gap-6 bg-canvas p-6 lg:p-10">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-lg font-semibold text-brand">SSI Leaderboard</p>
          <h1 className="text-4xl font-bold wrap-anywhere lg:text-6xl">{teamName}</h1>
        </div>
        <div className="text-right">
          <p className="text-2xl lg:text-3xl">
            Team average <span className="font-bold tabular-nums">{today.average === null ? "—" : today.average.toFixed(1)}</span>
          </p>
          <AutoRefresh seconds={refreshSeconds} renderedAt={renderedAt} />
        </div>
      </header>
      {ranked.length === 0 ? (
        <p className="text-3xl text-muted">No scores yet. Record your SSI to appear here.</p>
      ) : (
        <ol className="grid gap-3 lg:grid-cols-2" aria-label="Top of the board">
          {ranked.map((e) => {
            const prev = before.get(e.userId);
            const move = prev?.rank != null && e.rank != null ? prev.rank - e.rank : null;
            const delta = prev?.total != null && e.total != null ? e.total - prev.total : null;
            return (
              <li
                key={e.userId}
                data-testid="tv-row"
                data-user-name={e.name}
                className="flex items-center gap-4 rounded-xl border border-line bg-surface px-5 py-4 shadow-sm"
              >
                <span className="w-14 text-right text-4xl font-black tabular-nums text-muted lg:text-5xl">{e.rank}</span>
                <span className="min-w-0 flex-1 truncate text-3xl font-semibold lg:text-4xl">{e.name}</span>
                <span className="flex flex-col items-end">
                  <span className="text-4xl font-bold tabular-nums lg:text-5xl" data-testid="tv-total">{e.total?.toFixed(1)}</span>
                  <span className="text-lg tabular-nums">
                    {move === null ? (
                      <span className="text-muted">new today</span>
                    ) : move > 0 ? (
                      <span className="inline-block animate-bounce text-up">▲{move} since yesterday</span>
                    ) : move < 0 ? (
                      <span className="text-down">▼{-move} since yesterday</span>
                    ) : delta !== null && Math.abs(delta) >= 0.05 ? (
                      <span className={delta > 0 ? "text-up" : "text-down"}>
                        {delta > 0 ? "▲ +" : "▼ −"}
                        {Math.abs(delta).toFixed(1)}
                      </span>
                    ) : (
                      <span className="text-muted">—</span>
                    )}
                  </span>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <footer className="mt-auto text-lg text-muted">
        {today.rankedCount} of {today.memberCount} members ranked · record yours at linkedin.com/sales/ssi
      </footer>
    </main>
  );
}

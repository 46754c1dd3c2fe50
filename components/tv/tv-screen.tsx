import type { Leaderboard } from "@/db/queries/leaderboard-types";
import type { loadTvChallenges } from "@/db/queries/tv";
import { AutoRefresh } from "./auto-refresh";
import { TvChallenge } from "./tv-challenge";
import { TvRotator } from "./tv-rotator";

type Board = Pick<Leaderboard, "entries" | "rankedCount" | "memberCount" | "average">;

/**
 * One labelled change since yesterday, "Rank ▲2" or "SSI ▼ −1.5": both kinds side by side on every row, so a rank
 * move is never mistaken for points. Arrows and words, never colour alone.
 */
function Move({ label, value, text, unit, sign = false }: {
  label: string;
  value: number | null;
  text: (n: number) => string;
  unit?: (n: number) => string;
  sign?: boolean;
}) {
  if (value === null) return null;
  if (value === 0) return <span className="whitespace-nowrap text-muted">{label} unchanged</span>;
  const up = value > 0;
  const n = Math.abs(value);
  return (
    <span className={`whitespace-nowrap ${up ? "text-up" : "text-down"}`}>
      {label}{" "}
      <span aria-hidden>{up ? "▲" : "▼"}</span>
      {sign ? (up ? " +" : " \u2212") : ""}
      {text(n)}
      <span className="sr-only"> {unit ? `${unit(n)} ` : ""}{up ? "up" : "down"}</span>
    </span>
  );
}

/** The office-screen leaderboard: large type, top of the board, movement since yesterday, no navigation. */
export function TvScreen({ teamName, today, yesterday, refreshSeconds, renderedAt, limit = 12, challenges = [], rotateSeconds = 20 }: {
  teamName: string;
  today: Board;
  yesterday: Board;
  refreshSeconds: number;
  renderedAt: string;
  limit?: number;
  /** Running challenges: the screen rotates between the board and each of them. */
  challenges?: Awaited<ReturnType<typeof loadTvChallenges>>;
  rotateSeconds?: number;
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
      <TvRotator seconds={rotateSeconds}>
      {ranked.length === 0 ? (
        <p className="text-3xl text-muted">No scores yet. Record your SSI to appear here.</p>
      ) : (
        <ol className="grid gap-3 lg:grid-cols-2" aria-label="Top of the board">
          {ranked.map((e) => {
            const prev = before.get(e.userId);
            const move = prev?.rank != null && e.rank != null ? prev.rank - e.rank : null;
            const change = prev?.total != null && e.total != null ? e.total - prev.total : null;
            // Below a tenth it would read "+0.0": no change.
            const delta = change !== null && Math.abs(change) < 0.05 ? 0 : change;
            return (
              <li
                key={e.userId}
                data-testid="tv-row"
                data-user-name={e.name}
                className="flex min-w-0 items-center gap-4 rounded-xl border border-line bg-surface px-5 py-4 shadow-sm"
              >
                <span className="w-14 text-right text-4xl font-black tabular-nums text-muted lg:text-5xl">{e.rank}</span>
                <span className="min-w-0 flex-1 truncate text-3xl font-semibold lg:text-4xl">{e.name}</span>
                <span className="flex shrink-0 flex-col items-end">
                  <span className="text-4xl font-bold tabular-nums lg:text-5xl" data-testid="tv-total">{e.total?.toFixed(1)}</span>
                  <span className="flex flex-col items-end gap-x-4 text-lg tabular-nums sm:flex-row" data-testid="tv-change">
                    {prev?.rank == null ? (
                      <span className="text-muted">New today</span>
                    ) : (
                      <>
                        <Move label="Rank" value={move} text={(n) => String(n)} unit={(n) => (n === 1 ? "place" : "places")} />
                        <Move label="SSI" value={delta} text={(n) => n.toFixed(1)} sign />
                      </>
                    )}
                  </span>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {challenges.map((c) => (
        <TvChallenge key={c.card.id} {...c} />
      ))}
      </TvRotator>
      <footer className="mt-auto text-lg text-muted">
        {today.rankedCount} of {today.memberCount} members ranked · changes since yesterday · record yours at linkedin.com/sales/ssi
      </footer>
    </main>
  );
}

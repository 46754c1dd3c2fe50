import type { ChallengeCardData } from "@/lib/challenges/cards";
import { formatDay, formatImprovement, formatValue } from "@/lib/challenges/describe";
import type { ChallengeMetric, ChallengeKind } from "@/lib/challenges/rules";
import type { ChallengeStandings } from "@/lib/challenges/standings-types";

const tone = (v: number | null) => (v === null || Math.abs(v) < 0.0005 ? "" : v > 0 ? "text-up" : "text-down");

/** One running challenge on the office screen: its name, time left and the top of its standings. */
export function TvChallenge({ card, standings, kind, metric, limit = 8 }: { card: ChallengeCardData; standings: ChallengeStandings; kind: ChallengeKind; metric: ChallengeMetric; limit?: number }) {
  const rows =
    kind === "versus"
      ? standings.teams.map((t) => ({ key: t.teamId, rank: t.rank, name: t.name, result: formatImprovement(t.average), tone: tone(t.average) }))
      : standings.entries
          .filter((e) => e.rank !== null)
          .map((e) => ({
            key: e.userId,
            rank: e.rank,
            name: e.name,
            result: kind === "race" ? (e.reachedOn ? `✓ ${formatDay(e.reachedOn)}` : `${formatValue(e.distance, metric)} to go`) : formatImprovement(e.improvement),
            tone: kind === "race" ? (e.reachedOn ? "text-up" : "") : tone(e.improvement),
          }));
  return (
    <section className="flex flex-col gap-4" aria-label={`Challenge: ${card.name}`} data-testid="tv-challenge">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-xl font-semibold text-brand">Challenge · {card.summary}</p>
          <h2 className="text-3xl font-bold wrap-anywhere lg:text-5xl">{card.name}</h2>
        </div>
        <p className="rounded-full bg-brand px-5 py-2 text-2xl font-bold text-on-brand">{card.timeLeft}</p>
      </div>
      {rows.length === 0 ? (
        <p className="text-3xl text-muted">Nobody ranked yet.</p>
      ) : (
        <ol className="grid gap-3 lg:grid-cols-2">
          {rows.slice(0, limit).map((r) => (
            <li key={r.key} className="flex items-center gap-4 rounded-xl border border-line bg-surface px-5 py-4 shadow-sm">
              <span className="w-14 text-right text-4xl font-black tabular-nums text-muted">{r.rank}</span>
              <span className="min-w-0 flex-1 truncate text-3xl font-semibold">{r.name}</span>
              <span className={`text-3xl font-bold tabular-nums ${r.tone}`}>{r.result}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

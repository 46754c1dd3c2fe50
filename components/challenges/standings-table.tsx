import { YouBadge } from "@/components/leaderboard/you-badge";
import type { ChallengeEntry } from "@/lib/challenges/standings-types";
import { formatDay, formatImprovement, formatValue } from "@/lib/challenges/describe";
import type { ChallengeKind, ChallengeMetric } from "@/lib/challenges/rules";

const cell = "px-2 py-2 sm:px-3";

/** A challenge's participants: ranked first, then the people with no starting score, never dropped. */
export function StandingsTable({
  entries,
  kind,
  metric,
  startsOn,
  caption,
}: {
  entries: ChallengeEntry[];
  kind: ChallengeKind;
  metric: ChallengeMetric;
  startsOn: string;
  caption: string;
}) {
  const race = kind === "race";
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-line text-left text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className={`${cell} w-12`}>Rank</th>
            <th scope="col" className={cell}>Name</th>
            <th scope="col" className={`${cell} text-right`}>Start</th>
            <th scope="col" className={`${cell} text-right`}>Now</th>
            <th scope="col" className={`${cell} text-right`}>
              {race ? "Reached / to go" : <><span className="sm:hidden">Change</span><span className="hidden sm:inline">Improvement</span></>}
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr
              key={e.userId}
              data-testid="challenge-row"
              data-user-name={e.name}
              data-rank={e.rank ?? undefined}
              aria-current={e.isViewer ? "true" : undefined}
              className={`border-b border-line last:border-0 ${e.isViewer ? "bg-brand-soft" : ""}`}
            >
              <td className={`${cell} font-bold tabular-nums`}>{e.rank ?? "—"}</td>
              <th scope="row" className={`${cell} text-left font-medium`}>
                <span className="flex flex-wrap items-center gap-2">
                  <span className="wrap-anywhere">{e.name}</span>
                  {e.isViewer ? <YouBadge /> : null}
                  {/* Said only where the joiners' rule applies: their starting score is their first one since the start. */}
                  {e.joiner && e.baseline && e.baseline.on >= startsOn ? <span className="text-xs font-normal text-muted">joined during the challenge</span> : null}
                </span>
              </th>
              <td className={`${cell} text-right tabular-nums`}>
                {e.status === "hidden" ? (
                  <span className="text-muted">private</span>
                ) : e.baseline ? (
                  <>
                    {formatValue(e.baseline.value, metric)}
                    <span className="hidden text-xs text-muted sm:block">{formatDay(e.baseline.on)}</span>
                  </>
                ) : (
                  <span className="text-muted" data-testid="no-baseline">no starting score</span>
                )}
              </td>
              <td className={`${cell} text-right tabular-nums`}>
                {e.current ? (
                  <>
                    {formatValue(e.current.value, metric)}
                    <span className="hidden text-xs text-muted sm:block">{formatDay(e.current.on)}</span>
                  </>
                ) : (
                  <span className="text-muted">—</span>
                )}
              </td>
              <td className={`${cell} text-right font-semibold tabular-nums`} data-testid="challenge-result">
                {e.status === "hidden" ? (
                  <span className="font-normal text-muted">hides components</span>
                ) : race ? (
                  e.reachedOn ? (
                    <span className="text-up">reached {formatDay(e.reachedOn)}</span>
                  ) : e.distance !== null ? (
                    `${formatValue(e.distance, metric)} to go`
                  ) : (
                    <span className="font-normal text-muted">no recent score</span>
                  )
                ) : (
                  <span className={e.improvement && e.improvement > 0 ? "text-up" : e.improvement && e.improvement < 0 ? "text-down" : ""}>
                    {formatImprovement(e.improvement)}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

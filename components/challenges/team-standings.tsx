import { formatImprovement } from "@/lib/challenges/describe";
import type { TeamStanding } from "@/lib/challenges/standings-types";

/** Team against team: each team as an aggregate (its average improvement), the viewer's team marked. */
export function TeamStandings({ teams }: { teams: TeamStanding[] }) {
  return (
    <ol className="grid gap-2 sm:grid-cols-2" aria-label="Teams">
      {teams.map((t) => (
        <li
          key={t.teamId}
          data-testid="team-standing"
          data-team-name={t.name}
          className={`flex items-center gap-3 rounded-lg border px-4 py-3 ${t.isViewerTeam ? "border-brand bg-brand-soft" : "border-line bg-surface"}`}
        >
          <span className="w-8 text-2xl font-black tabular-nums text-muted">{t.rank ?? "—"}</span>
          <span className="min-w-0 flex-1">
            <span className="block font-semibold wrap-anywhere">
              {t.name}
              {t.isViewerTeam ? <span className="ml-2 text-xs font-normal text-muted">your team</span> : null}
            </span>
            <span className="block text-xs text-muted">
              {t.counted} of {t.participants} members with a starting score
            </span>
          </span>
          <span className="text-right">
            <span className={`block text-xl font-bold tabular-nums ${t.average && t.average > 0 ? "text-up" : t.average && t.average < 0 ? "text-down" : ""}`}>
              {formatImprovement(t.average)}
            </span>
            <span className="block text-xs text-muted">average</span>
          </span>
        </li>
      ))}
    </ol>
  );
}

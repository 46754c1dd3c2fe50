import { formatScore } from "@/lib/format";
import { Card } from "@/components/ui/card";
import { COMPONENT_ADVICE, COMPONENT_LABELS, type Component } from "@/lib/ssi";

/** What to work on next: the weakest component against the teams, with advice, and the biggest recent move. */
export function CoachingCard({
  focus,
  comparedWithTeams,
  move,
}: {
  focus: { component: Component; gap: number | null };
  comparedWithTeams: boolean;
  move: { component: Component; change: number } | null;
}) {
  const label = COMPONENT_LABELS[focus.component];
  return (
    <Card aria-labelledby="coaching-title" data-testid="coaching">
      <h2 id="coaching-title" className="text-lg font-semibold">
        What to work on
      </h2>
      <p className="mt-2">
        <span className="font-semibold">{label.linkedIn}</span>{" "}
        <span className="text-sm text-muted">
          {comparedWithTeams && focus.gap !== null
            ? focus.gap < 0
              ? `is ${formatScore(-focus.gap, 2)} below your teams' median, your biggest gap.`
              : "is closest to your teams' median: you are at or above it everywhere."
            : "is your lowest component."}
        </span>
      </p>
      <p className="mt-1 text-sm">{COMPONENT_ADVICE[focus.component]}</p>
      <p className="mt-4 border-t border-line pt-3 text-sm text-muted">
        {move
          ? (
              <>
                Since last month, <span className="font-semibold text-fg">{COMPONENT_LABELS[move.component].short}</span> moved most:{" "}
                <span className={`font-semibold ${move.change > 0 ? "text-up" : "text-down"}`}>
                  {move.change > 0 ? "▲ +" : "▼ \u2212"}
                  {formatScore(Math.abs(move.change), 2)}
                </span>
                .
              </>
            )
          : "No score from a month ago to compare with yet."}
      </p>
    </Card>
  );
}

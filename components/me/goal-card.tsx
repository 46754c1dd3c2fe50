import { formatDate, formatScore, signed as signedChange } from "@/lib/format";
import { Card } from "@/components/ui/card";
import type { GoalProjection } from "@/lib/goals";
import { COMPONENT_LABELS, type Component } from "@/lib/ssi";

const STATUS: Record<GoalProjection["status"], { text: string; tone: string }> = {
  reached: { text: "Reached", tone: "bg-ok-soft text-up ring-up/30" },
  "on-track": { text: "On track", tone: "bg-ok-soft text-up ring-up/30" },
  late: { text: "Behind schedule", tone: "bg-warn-soft text-warn ring-warn/30" },
  "not-on-track": { text: "Not on track", tone: "bg-danger-soft text-danger ring-danger/30" },
  "no-trend": { text: "Not enough scores yet", tone: "bg-raised text-muted ring-line" },
};

function explanation(p: GoalProjection, targetDate: string): string {
  switch (p.status) {
    case "reached":
      return "You are at or above your target. Set a new one to keep going.";
    case "on-track":
      return `At your recent pace (${signed(p.perWeek!)} a week) you reach it around ${formatDate(p.projectedDate!)}, before ${formatDate(targetDate)}.`;
    case "late":
      return `At your recent pace (${signed(p.perWeek!)} a week) you reach it around ${formatDate(p.projectedDate!)}, after your date.${p.neededPerWeek ? ` You need about ${signed(p.neededPerWeek)} a week.` : ""}`;
    case "not-on-track":
      return `Your SSI has been flat or falling over the last eight weeks (${signed(p.perWeek!)} a week), so it won't get there on its own.${p.neededPerWeek ? ` You need about ${signed(p.neededPerWeek)} a week.` : ""}`;
    case "no-trend":
      return "Record your SSI on a few different days and the page projects when you get there.";
  }
}

const signed = (n: number) => signedChange(n, 2);

/** The person's goal: progress bar, status, projected date, and component targets. */
export function GoalCard({
  target,
  targetDate,
  current,
  projection,
  componentTargets,
  children,
}: {
  target: number;
  targetDate: string;
  current: number;
  projection: GoalProjection;
  componentTargets: { component: Component; target: number; current: number }[];
  children?: React.ReactNode;
}) {
  const pct = Math.round(projection.progress * 100);
  const s = STATUS[projection.status];
  return (
    <Card aria-labelledby="goal-title" data-testid="goal-card">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="goal-title" className="text-lg font-semibold">
          Goal: SSI {formatScore(target, 0)} by {formatDate(targetDate)}
        </h2>
        <span className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ${s.tone}`} data-testid="goal-status">
          {s.text}
        </span>
      </div>
      <div className="mt-4">
        <div className="flex items-baseline justify-between text-sm">
          <span>
            Now <span className="font-semibold tabular-nums">{formatScore(current, 1)}</span>
          </span>
          <span className="font-semibold tabular-nums" data-testid="goal-progress">
            {pct}% of the way
          </span>
        </div>
        <div
          className="mt-1 h-3 overflow-hidden rounded-full bg-line"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct}
          aria-label="Progress towards your goal since you set it"
        >
          <div className="h-full rounded-full bg-brand" style={{ width: `${pct}%` }} />
        </div>
        <p className="mt-2 text-sm text-muted">{explanation(projection, targetDate)}</p>
      </div>
      {componentTargets.length > 0 ? (
        <ul className="mt-4 grid gap-2 sm:grid-cols-2">
          {componentTargets.map((t) => (
            <li key={t.component} className="flex items-center justify-between rounded-md border border-line px-3 py-2 text-sm">
              <span>{COMPONENT_LABELS[t.component].short}</span>
              <span className="tabular-nums">
                {formatScore(t.current, 2)} / {formatScore(t.target, 2)}{" "}
                {t.current >= t.target ? <span className="font-semibold text-up">✓ reached</span> : <span className="text-muted">({formatScore(t.target - t.current, 2)} to go)</span>}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </Card>
  );
}

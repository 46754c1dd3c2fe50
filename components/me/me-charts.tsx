import { MeLineChart } from "@/components/charts/me-line-chart";
import { Card } from "@/components/ui/card";
import type { HistoryPoint } from "@/db/queries/goals";
import { COMPONENT_LABELS, COMPONENTS } from "@/lib/ssi";

const PILLAR_VAR = { brand: "--pillar-brand", people: "--pillar-people", insights: "--pillar-insights", relationships: "--pillar-relationships" } as const;

/** The person's last twelve months: total, components, and LinkedIn's industry and network ranks. */
export function MeCharts({ history }: { history: HistoryPoint[] }) {
  if (history.length < 2) {
    return (
      <Card>
        <p className="text-sm text-muted">Charts of your SSI over time appear once you have scores on two different days.</p>
      </Card>
    );
  }
  const labels = history.map((h) => h.measuredOn);
  const hasRanks = history.some((h) => h.industryRank != null || h.networkRank != null);
  return (
    <section aria-label="Your SSI over time" className="grid gap-4 lg:grid-cols-2">
      <Card>
        <MeLineChart
          title="Total SSI"
          description="Your total over the last twelve months (0–100)."
          labels={labels}
          series={[{ label: "Total SSI", colorVar: "--brand", values: history.map((h) => h.total) }]}
          min={0}
          max={100}
        />
      </Card>
      <Card>
        <MeLineChart
          title="Components"
          description="Each of the four components over the last twelve months (0–25)."
          labels={labels}
          series={COMPONENTS.map((c) => ({ label: COMPONENT_LABELS[c].short, colorVar: PILLAR_VAR[c], values: history.map((h) => h[c]) }))}
          min={0}
          max={25}
          decimals={2}
        />
      </Card>
      {hasRanks ? (
        <Card className="lg:col-span-2">
          <MeLineChart
            title="Industry and network rank"
            description="LinkedIn's “Top N %”: lower is better, so the axis is upside down and better reads as up."
            labels={labels}
            series={[
              { label: "Industry rank", colorVar: "--pillar-insights", values: history.map((h) => h.industryRank) },
              { label: "Network rank", colorVar: "--pillar-people", values: history.map((h) => h.networkRank) },
            ]}
            min={0}
            reverse
            valueSuffix=" %"
            decimals={0}
          />
        </Card>
      ) : null}
    </section>
  );
}

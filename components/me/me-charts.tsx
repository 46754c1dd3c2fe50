import { ChartCard } from "@/components/charts/chart-card";
import { ChartDataTable } from "@/components/charts/chart-data-table";
import { LineChart } from "@/components/charts/line-chart";
import { Card } from "@/components/ui/card";
import type { HistoryPoint } from "@/db/queries/goals";
import { formatScore, shortDate } from "@/lib/format";
import { COMPONENT_LABELS, COMPONENTS } from "@/lib/ssi";

const PILLAR_COLOR = { brand: "pillarBrand", people: "pillarPeople", insights: "pillarInsights", relationships: "pillarRelationships" } as const;

const cell = (v: number | null, decimals: number, suffix = "") => (v == null ? null : `${formatScore(v, decimals)}${suffix}`);

/** The person's last twelve months: total, components, and LinkedIn's industry and network ranks. */
export function MeCharts({ history }: { history: HistoryPoint[] }) {
  if (history.length < 2) {
    return (
      <Card>
        <p className="text-sm text-muted">Charts of your SSI over time appear once you have scores on two different days.</p>
      </Card>
    );
  }
  const labels = history.map((h) => shortDate(h.measuredOn));
  const rows = (values: (h: HistoryPoint) => (string | null)[]) => history.map((h) => ({ label: h.measuredOn, values: values(h) }));
  const hasRanks = history.some((h) => h.industryRank != null || h.networkRank != null);
  const tableNote = "the same numbers are in the data table below.";
  return (
    <section aria-label="Your SSI over time" className="grid gap-4 lg:grid-cols-2">
      <ChartCard
        id="me-total"
        title="Total SSI"
        caption="Your total over the last twelve months (0–100)."
        empty={false}
        table={<ChartDataTable caption="Total SSI" columns={["Date", "Total SSI"]} rows={rows((h) => [cell(h.total, 1)])} />}
      >
        <LineChart
          labels={labels}
          series={[{ label: "Total SSI", data: history.map((h) => h.total), color: "brand" }]}
          xLabel="Date"
          yLabel="SSI"
          yMax={100}
          spanGaps
          ariaLabel={`Line chart of your total SSI over the last twelve months; ${tableNote}`}
        />
      </ChartCard>
      <ChartCard
        id="me-components"
        title="Components"
        caption="Each of the four components over the last twelve months (0–25)."
        empty={false}
        table={
          <ChartDataTable
            caption="Components"
            columns={["Date", ...COMPONENTS.map((c) => COMPONENT_LABELS[c].short)]}
            rows={rows((h) => COMPONENTS.map((c) => cell(h[c], 2)))}
          />
        }
      >
        <LineChart
          labels={labels}
          series={COMPONENTS.map((c) => ({ label: COMPONENT_LABELS[c].short, data: history.map((h) => h[c]), color: PILLAR_COLOR[c] }))}
          xLabel="Date"
          yLabel="Points"
          yMax={25}
          decimals={2}
          spanGaps
          ariaLabel={`Line chart of your four components over the last twelve months; ${tableNote}`}
        />
      </ChartCard>
      {hasRanks ? (
        <div className="lg:col-span-2">
          <ChartCard
            id="me-ranks"
            title="Industry and network rank"
            caption="LinkedIn's “Top N %”: lower is better, so the axis is upside down and better reads as up."
            empty={false}
            table={
              <ChartDataTable
                caption="Industry and network rank"
                columns={["Date", "Industry rank", "Network rank"]}
                rows={rows((h) => [cell(h.industryRank, 0, " %"), cell(h.networkRank, 0, " %")])}
              />
            }
          >
            <LineChart
              labels={labels}
              series={[
                { label: "Industry rank", data: history.map((h) => h.industryRank), color: "pillarInsights" },
                { label: "Network rank", data: history.map((h) => h.networkRank), color: "pillarPeople" },
              ]}
              xLabel="Date"
              yLabel="Top %"
              reverse
              decimals={0}
              valueSuffix=" %"
              spanGaps
              ariaLabel={`Line chart of your LinkedIn industry and network ranks (Top N %, lower is better); ${tableNote}`}
            />
          </ChartCard>
        </div>
      ) : null}
    </section>
  );
}

import { BarChart } from "@/components/charts/bar-chart";
import { ChartCard } from "@/components/charts/chart-card";
import { ChartDataTable } from "@/components/charts/chart-data-table";
import { LineChart } from "@/components/charts/line-chart";
import type { WeekPoint } from "@/db/queries/dashboard";
import { COMPONENT_LABELS, COMPONENTS } from "@/lib/ssi";
import { shortDate } from "@/lib/format";

const PILLAR_COLOR = { brand: "pillarBrand", people: "pillarPeople", insights: "pillarInsights", relationships: "pillarRelationships" } as const;

// The dashboard's charts are inside its streamed Suspense boundary: their data tables render only once opened.

/** Weekly average and median, with the reported industry average where there is one. */
export function TeamTrendChart({ trend }: { trend: WeekPoint[] }) {
  const labels = trend.map((w) => shortDate(w.weekStart));
  const hasIndustry = trend.some((w) => w.industryAverage !== null);
  const marked = trend.flatMap((w, i) => (w.recalibration.likely ? [i] : []));
  const series = [
    { label: "Team average", data: trend.map((w) => w.average), color: "brand" as const },
    { label: "Team median", data: trend.map((w) => w.median), color: "pillarPeople" as const, dashed: true },
    ...(hasIndustry ? [{ label: "Industry average (reported)", data: trend.map((w) => w.industryAverage), color: "muted" as const, dashed: true }] : []),
  ];
  return (
    <ChartCard
      id="team-trend"
      title="Team SSI by week"
      caption={`Average and median of members' latest fresh scores at the end of each week${hasIndustry ? ", with the industry average members reported" : ""}.${marked.length ? " ▲ marks a likely LinkedIn-wide change." : ""}`}
      empty={trend.every((w) => w.average === null)}
      table={
        <ChartDataTable
          lazy
          caption="Team SSI by week"
          columns={["Week of", "Average", "Median", "Industry avg", "Scores counted", "Note"]}
          rows={trend.map((w) => ({
            label: w.weekStart,
            values: [w.average, w.median, w.industryAverage, String(w.counted), w.recalibration.likely ? "Likely LinkedIn-wide change" : ""],
          }))}
        />
      }
    >
      <LineChart labels={labels} series={series} marked={marked} xLabel="Week starting" yLabel="SSI (0–100)" yMax={100} ariaLabel="Line chart of the team's weekly average and median SSI; the same numbers are in the data table below." />
    </ChartCard>
  );
}

/** The four components' weekly averages, to show which pillar drags. */
export function PillarTrendChart({ trend }: { trend: WeekPoint[] }) {
  const labels = trend.map((w) => shortDate(w.weekStart));
  return (
    <ChartCard
      id="pillar-trend"
      title="Pillars by week"
      caption="Average of each of the four components (0–25) over the same members and weeks."
      empty={trend.every((w) => w.average === null)}
      table={
        <ChartDataTable
          lazy
          caption="Average of each component by week"
          columns={["Week of", ...COMPONENTS.map((c) => COMPONENT_LABELS[c].short)]}
          rows={trend.map((w) => ({ label: w.weekStart, values: COMPONENTS.map((c) => w.components[c]) }))}
        />
      }
    >
      <LineChart
        labels={labels}
        series={COMPONENTS.map((c) => ({ label: COMPONENT_LABELS[c].short, data: trend.map((w) => w.components[c]), color: PILLAR_COLOR[c] }))}
        xLabel="Week starting"
        yLabel="Component (0–25)"
        yMax={25}
        ariaLabel="Line chart of the weekly average of each SSI component; the same numbers are in the data table below."
      />
    </ChartCard>
  );
}

const BUCKETS = Array.from({ length: 10 }, (_, i) => `${i * 10}–${i === 9 ? 100 : i * 10 + 9}`);

/** How many members score in each band of 10 now. */
export function DistributionChart({ distribution }: { distribution: number[] }) {
  return (
    <ChartCard
      id="distribution"
      title="Current scores"
      caption="Members with a fresh score, by band of 10 SSI points."
      empty={distribution.every((n) => n === 0)}
      emptyText="No fresh scores yet."
      table={<ChartDataTable lazy caption="Members per score band" columns={["SSI band", "Members"]} rows={BUCKETS.map((b, i) => ({ label: b, values: [String(distribution[i] ?? 0)] }))} />}
    >
      <BarChart labels={BUCKETS} data={distribution} label="Members" xLabel="SSI band" yLabel="Members" ariaLabel="Bar chart of how many members score in each band of 10; the same numbers are in the data table below." />
    </ChartCard>
  );
}

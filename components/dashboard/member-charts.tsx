import { ChartCard } from "@/components/charts/chart-card";
import { ChartDataTable } from "@/components/charts/chart-data-table";
import { LineChart } from "@/components/charts/line-chart";
import type { RankPoint } from "@/db/queries/dashboard";
import type { SnapshotRow } from "@/db/queries/snapshots";
import { COMPONENT_LABELS, COMPONENTS } from "@/lib/ssi";
import { shortDate } from "@/lib/format";

const PILLAR_COLOR = { brand: "pillarBrand", people: "pillarPeople", insights: "pillarInsights", relationships: "pillarRelationships" } as const;

/** One member's total and four components over time (oldest first). */
export function MemberHistoryChart({ snapshots }: { snapshots: SnapshotRow[] }) {
  const rows = [...snapshots].reverse();
  return (
    <ChartCard
      id="member-history"
      title="SSI history"
      caption="Total SSI (0–100) and the four components (0–25) of every snapshot in the period."
      empty={rows.length === 0}
      table={
        <ChartDataTable
          caption="Snapshots in the period"
          columns={["Date", "SSI", ...COMPONENTS.map((c) => COMPONENT_LABELS[c].short)]}
          rows={rows.map((s) => ({ label: s.measuredOn, values: [s.total, ...COMPONENTS.map((c) => s[c])] }))}
        />
      }
    >
      <LineChart
        labels={rows.map((s) => shortDate(s.measuredOn))}
        series={[
          { label: "Total SSI", data: rows.map((s) => s.total), color: "fg" },
          ...COMPONENTS.map((c) => ({ label: COMPONENT_LABELS[c].short, data: rows.map((s) => s[c]), color: PILLAR_COLOR[c], dashed: true })),
        ]}
        xLabel="Date"
        yLabel="SSI"
        yMax={100}
        ariaLabel="Line chart of this member's SSI and components over time; the same numbers are in the data table below."
      />
    </ChartCard>
  );
}

/** The member's team rank at the end of each week (1 at the top of the chart). */
export function MemberRankChart({ ranks }: { ranks: RankPoint[] }) {
  return (
    <ChartCard
      id="member-rank"
      title="Team rank by week"
      caption="Rank among members with a fresh score at the end of each week (1 is the top)."
      empty={ranks.every((r) => r.rank === null)}
      emptyText="Not ranked in this period."
      table={
        <ChartDataTable
          caption="Team rank by week"
          columns={["Week of", "Rank", "Of", "SSI"]}
          rows={ranks.map((r) => ({ label: r.weekStart, values: [r.rank === null ? null : String(r.rank), String(r.ranked), r.total] }))}
        />
      }
    >
      <LineChart
        labels={ranks.map((r) => shortDate(r.weekStart))}
        series={[{ label: "Rank", data: ranks.map((r) => r.rank), color: "brand" }]}
        xLabel="Week starting"
        yLabel="Rank"
        rankScale
        ariaLabel="Line chart of this member's weekly team rank; the same numbers are in the data table below."
      />
    </ChartCard>
  );
}

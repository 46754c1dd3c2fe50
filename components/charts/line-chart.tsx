"use client";

import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js";
import { axisStyle, useChart, type ThemeColor } from "./chart-theme";

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);

export type LineSeries = { label: string; data: (number | null)[]; color: ThemeColor; dashed?: boolean };

/**
 * A line chart of one or more series over the same labels; `marked` label indexes get a larger warning point.
 * Long series (over 40 points) are drawn without points, and gaps are bridged when `spanGaps` is set.
 */
export function LineChart({
  labels,
  series,
  xLabel,
  yLabel,
  yMax,
  marked = [],
  ariaLabel,
  rankScale = false,
  reverse = false,
  decimals = 1,
  valueSuffix = "",
  spanGaps = false,
}: {
  labels: string[];
  series: LineSeries[];
  xLabel: string;
  yLabel: string;
  yMax?: number;
  marked?: number[];
  ariaLabel: string;
  /** For ranks: whole numbers, 1 at the top. */
  rankScale?: boolean;
  /** Lower is better ("Top N %"): the axis from 0 upside down, so better still reads as up. */
  reverse?: boolean;
  /** How the tooltip and the y ticks write a value. */
  decimals?: number;
  valueSuffix?: string;
  spanGaps?: boolean;
}) {
  const key = JSON.stringify([labels, series, marked, yMax, rankScale, reverse, decimals, valueSuffix, spanGaps]);
  const dot = labels.length > 40 ? 0 : 2.5;
  const canvas = useChart<"line">(
    (theme) => ({
      type: "line",
      data: {
        labels,
        datasets: series.map((s, i) => ({
          label: s.label,
          data: s.data,
          borderColor: theme[s.color],
          backgroundColor: theme[s.color],
          borderDash: s.dashed ? [6, 4] : undefined,
          borderWidth: 2,
          tension: 0.25,
          spanGaps,
          pointRadius: labels.map((_, j) => (i === 0 && marked.includes(j) ? 7 : dot)),
          pointStyle: labels.map((_, j) => (i === 0 && marked.includes(j) ? "triangle" : "circle")),
          pointBackgroundColor: labels.map((_, j) => (i === 0 && marked.includes(j) ? theme.warn : theme[s.color])),
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: "index", intersect: false },
        plugins: {
          legend: { display: series.length > 1, labels: { color: theme.fg, boxWidth: 12 } },
          tooltip: {
            callbacks: { label: (ctx) => `${ctx.dataset.label}: ${ctx.parsed.y === null ? "—" : `${ctx.parsed.y.toFixed(decimals)}${valueSuffix}`}` },
          },
        },
        scales: {
          x: axisStyle(theme, xLabel),
          y: rankScale
            ? { ...axisStyle(theme, yLabel), reverse: true, min: 1, ticks: { color: theme.muted, precision: 0 } }
            : {
                ...axisStyle(theme, yLabel),
                beginAtZero: true,
                suggestedMax: yMax,
                reverse,
                ticks: { ...axisStyle(theme, yLabel).ticks, callback: (v) => `${v}${valueSuffix}` },
              },
        },
      },
    }),
    key,
  );
  return (
    <div className="relative h-64 w-full sm:h-72">
      <canvas ref={canvas} role="img" aria-label={ariaLabel} />
    </div>
  );
}

"use client";

import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from "chart.js";
import { axisStyle, useChart, type ThemeColor } from "./chart-theme";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** A single-series bar chart (e.g. how many members score in each band of 10). */
export function BarChart({
  labels,
  data,
  label,
  xLabel,
  yLabel,
  color = "brand",
  ariaLabel,
}: {
  labels: string[];
  data: number[];
  label: string;
  xLabel: string;
  yLabel: string;
  color?: ThemeColor;
  ariaLabel: string;
}) {
  const canvas = useChart<"bar">(
    (theme) => ({
      type: "bar",
      data: { labels, datasets: [{ label, data, backgroundColor: theme[color], borderRadius: 3 }] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
        scales: {
          x: axisStyle(theme, xLabel),
          y: { ...axisStyle(theme, yLabel), beginAtZero: true, ticks: { color: theme.muted, precision: 0 } },
        },
      },
    }),
    JSON.stringify([labels, data]),
  );
  return (
    <div className="relative h-64 w-full sm:h-72">
      <canvas ref={canvas} role="img" aria-label={ariaLabel} />
    </div>
  );
}

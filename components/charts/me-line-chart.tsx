"use client";

import { useEffect, useId, useRef, useState } from "react";
import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from "chart.js";

// Only what a line chart over dates needs: the category axis keeps chart.js free of a date adapter.
Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip, Legend);

export type MeSeries = {
  label: string;
  /** A CSS custom property holding the colour (e.g. "--pillar-brand"), so light and dark mode both read well. */
  colorVar: string;
  values: (number | null)[];
};

function cssVar(name: string, fallback: string): string {
  if (typeof window === "undefined") return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/**
 * A line chart of the person's own history with an accessible data-table alternative. `reverse` flips the y
 * axis for "Top N %" ranks, where lower is better, so better still reads as up.
 */
export function MeLineChart({
  title,
  description,
  labels,
  series,
  min,
  max,
  reverse = false,
  valueSuffix = "",
  decimals = 1,
}: {
  title: string;
  description: string;
  labels: string[];
  series: MeSeries[];
  min?: number;
  max?: number;
  reverse?: boolean;
  valueSuffix?: string;
  decimals?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [showTable, setShowTable] = useState(false);
  const [scheme, setScheme] = useState(0);
  const id = useId();

  // Re-draw with the other palette when the system switches between light and dark.
  useEffect(() => {
    const mq = window.matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => setScheme((n) => n + 1);
    mq.addEventListener("change", onChange);
    return () => mq.removeEventListener("change", onChange);
  }, []);

  useEffect(() => {
    if (!canvas.current || showTable) return;
    const muted = cssVar("--muted", "#4b5563");
    const line = cssVar("--line", "#d9dee5");
    const config: ChartConfiguration<"line", (number | null)[], string> = {
      type: "line",
      data: {
        labels,
        datasets: series.map((s) => {
          const colour = cssVar(s.colorVar, "#0a66c2");
          return {
            label: s.label,
            data: s.values,
            borderColor: colour,
            backgroundColor: colour,
            borderWidth: 2,
            pointRadius: labels.length > 40 ? 0 : 2.5,
            pointHoverRadius: 4,
            tension: 0.25,
            spanGaps: true,
          };
        }),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: "index", intersect: false },
        plugins: {
          legend: { display: series.length > 1, labels: { color: muted, boxWidth: 12, boxHeight: 12 } },
          tooltip: {
            callbacks: {
              label: (ctx) => `${ctx.dataset.label}: ${ctx.parsed.y == null ? "—" : `${ctx.parsed.y.toFixed(decimals)}${valueSuffix}`}`,
            },
          },
        },
        scales: {
          x: { ticks: { color: muted, maxTicksLimit: 6, maxRotation: 0 }, grid: { display: false }, border: { color: line } },
          y: {
            min,
            max,
            reverse,
            ticks: { color: muted, callback: (v) => `${v}${valueSuffix}` },
            grid: { color: line },
            border: { display: false },
          },
        },
      },
    };
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [labels, series, min, max, reverse, valueSuffix, decimals, showTable, scheme]);

  return (
    <figure className="flex flex-col gap-2" aria-labelledby={`${id}-title`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <figcaption id={`${id}-title`} className="text-base font-semibold">
          {title}
        </figcaption>
        <button
          type="button"
          onClick={() => setShowTable((s) => !s)}
          aria-pressed={showTable}
          className="rounded-md px-2 py-1 text-sm font-medium text-brand hover:bg-raised"
        >
          {showTable ? "Show chart" : "Show as table"}
        </button>
      </div>
      <p className="text-xs text-muted">{description}</p>
      {showTable ? (
        <div className="max-h-80 overflow-auto rounded-md border border-line">
          <table className="w-full text-sm">
            <caption className="sr-only">{title}</caption>
            <thead className="sticky top-0 bg-raised">
              <tr>
                <th scope="col" className="px-3 py-2 text-left font-semibold">
                  Date
                </th>
                {series.map((s) => (
                  <th key={s.label} scope="col" className="px-3 py-2 text-right font-semibold">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {labels.map((label, i) => (
                <tr key={label} className="border-t border-line">
                  <th scope="row" className="px-3 py-1.5 text-left font-normal">
                    {label}
                  </th>
                  {series.map((s) => {
                    const v = s.values[i];
                    return (
                      <td key={s.label} className="px-3 py-1.5 text-right tabular-nums">
                        {v == null ? "—" : `${v.toFixed(decimals)}${valueSuffix}`}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="relative h-64 w-full">
          <canvas ref={canvas} role="img" aria-label={`${title}. ${description} Use “Show as table” for the numbers.`} />
        </div>
      )}
    </figure>
  );
}

"use client";

import { useEffect, useRef } from "react";
import { Chart, type ChartConfiguration, type ChartType } from "chart.js";

/** Colours of the design tokens in app/globals.css, read from the page so charts follow light and dark mode. */
export type ChartTheme = Record<
  "fg" | "muted" | "line" | "surface" | "brand" | "up" | "down" | "warn" | "pillarBrand" | "pillarPeople" | "pillarInsights" | "pillarRelationships",
  string
>;
export type ThemeColor = keyof ChartTheme;

const VARS: Record<ThemeColor, string> = {
  fg: "--fg",
  muted: "--muted",
  line: "--line",
  surface: "--surface",
  brand: "--brand",
  up: "--up",
  down: "--down",
  warn: "--warn",
  pillarBrand: "--pillar-brand",
  pillarPeople: "--pillar-people",
  pillarInsights: "--pillar-insights",
  pillarRelationships: "--pillar-relationships",
};

function readTheme(): ChartTheme {
  const style = getComputedStyle(document.documentElement);
  return Object.fromEntries(Object.entries(VARS).map(([k, v]) => [k, style.getPropertyValue(v).trim() || "#888"])) as ChartTheme;
}

/**
 * Draws a chart.js chart on the canvas, rebuilt when its data key changes or the colour scheme flips, and
 * destroyed on unmount. `build` receives the current theme colours.
 */
export function useChart<T extends ChartType>(build: (theme: ChartTheme) => ChartConfiguration<T>, key: string) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const buildRef = useRef(build);
  useEffect(() => {
    buildRef.current = build;
  });
  useEffect(() => {
    let chart: Chart<T> | undefined;
    let cancelled = false;
    const dark = window.matchMedia("(prefers-color-scheme: dark)");
    const draw = () => {
      if (cancelled || !canvas.current) return;
      chart?.destroy();
      chart = new Chart(canvas.current, buildRef.current(readTheme()));
    };
    draw();
    dark.addEventListener("change", draw);
    return () => {
      cancelled = true;
      dark.removeEventListener("change", draw);
      chart?.destroy();
    };
  }, [key]);
  return canvas;
}

/** Shared axis and legend styling. */
export function axisStyle(theme: ChartTheme, title: string) {
  return {
    title: { display: true, text: title, color: theme.muted, font: { size: 12 } },
    ticks: { color: theme.muted, maxRotation: 0, autoSkipPadding: 12 },
    grid: { color: theme.line },
    border: { color: theme.line },
  };
}

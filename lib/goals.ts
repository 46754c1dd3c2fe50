import { addDays, daysBetween } from "@/lib/dates";
import { COMPONENTS, round3, type Component } from "@/lib/ssi";
import { GOAL_COMPONENT_FIELDS } from "@/lib/validation/goal";

export type TrendPoint = { date: string; value: number };

/** How many days of recent scores the trend is fitted on (about eight weeks). */
export const TREND_WINDOW_DAYS = 56;
/** A trend slower than this (points per week) counts as flat: no projected date. */
export const FLAT_PER_WEEK = 0.05;

/** Least-squares line through the points (x in days); null with fewer than two distinct dates. */
export function linearTrend(points: readonly TrendPoint[]): { perDay: number; at: (date: string) => number } | null {
  if (points.length < 2) return null;
  const origin = points.reduce((min, p) => (p.date < min ? p.date : min), points[0]!.date);
  const xs = points.map((p) => daysBetween(origin, p.date));
  const n = points.length;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = points.reduce((a, p) => a + p.value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  points.forEach((p, i) => {
    const dx = xs[i]! - meanX;
    sxx += dx * dx;
    sxy += dx * (p.value - meanY);
  });
  if (sxx === 0) return null;
  const perDay = sxy / sxx;
  return { perDay, at: (date) => meanY + perDay * (daysBetween(origin, date) - meanX) };
}

export type GoalStatus = "reached" | "on-track" | "late" | "not-on-track" | "no-trend";

export type GoalProjection = {
  status: GoalStatus;
  /** 0–1: how far from the baseline (the score when the goal was set) to the target. */
  progress: number;
  /** When the recent trend reaches the target; null when reached, flat, falling or unknown. */
  projectedDate: string | null;
  /** The trend in points per week, or null with too few scores. */
  perWeek: number | null;
  /** Points per week needed from now to reach the target on its date; null when reached or the date has passed. */
  neededPerWeek: number | null;
};

/**
 * Progress towards a target and the date the recent trend reaches it. `points` are the person's scores (any
 * order); only the last TREND_WINDOW_DAYS up to `today` are used. The goal is "not on track" when that trend is
 * flat or falling, "late" when it gets there after the target date.
 */
export function projectGoal(input: {
  points: readonly TrendPoint[];
  current: number;
  baseline: number;
  target: number;
  targetDate: string;
  today: string;
}): GoalProjection {
  const { current, baseline, target, targetDate, today } = input;
  const span = target - baseline;
  const progress = current >= target ? 1 : span <= 0 ? 0 : Math.min(1, Math.max(0, (current - baseline) / span));
  const daysLeft = daysBetween(today, targetDate);
  const neededPerWeek = current >= target || daysLeft <= 0 ? null : round3(((target - current) / daysLeft) * 7);
  const recent = input.points.filter((p) => p.date <= today && daysBetween(p.date, today) <= TREND_WINDOW_DAYS);
  const trend = linearTrend(recent);
  const perWeek = trend ? round3(trend.perDay * 7) : null;
  if (current >= target) return { status: "reached", progress: 1, projectedDate: null, perWeek, neededPerWeek };
  if (!trend || perWeek === null) return { status: "no-trend", progress, projectedDate: null, perWeek, neededPerWeek };
  if (perWeek < FLAT_PER_WEEK) return { status: "not-on-track", progress, projectedDate: null, perWeek, neededPerWeek };
  // From today's point on the trend line (not the last score, which may be a noisy day).
  const days = Math.max(1, Math.ceil((target - trend.at(today)) / trend.perDay));
  const projectedDate = addDays(today, days);
  return { status: projectedDate <= targetDate ? "on-track" : "late", progress, projectedDate, perWeek, neededPerWeek };
}

/** A stored goal: the target SSI and date, and the optional targets per component. */
export type GoalTargets = { targetTotal: number; targetDate: string; createdAt: Date } & {
  [K in (typeof GOAL_COMPONENT_FIELDS)[Component]]: number | null;
};

/**
 * Where progress counts from: the last score before the day the goal was set (`before`), else the first one
 * after it, else the current score.
 */
export function goalBaseline(goal: Pick<GoalTargets, "createdAt">, before: number | undefined, history: readonly { measuredOn: string; total: number }[], current: number): number {
  const start = goal.createdAt.toISOString().slice(0, 10);
  return before ?? history.find((h) => h.measuredOn >= start)?.total ?? current;
}

/** The day before the goal was set: the baseline is the last score on or before it. */
export const goalBaselineDay = (goal: Pick<GoalTargets, "createdAt">) => addDays(goal.createdAt.toISOString().slice(0, 10), -1);

/** The components the goal has a target for, with the current score. */
export function componentTargets(goal: GoalTargets, current: Record<Component, number>) {
  return COMPONENTS.flatMap((c) => {
    const target = goal[GOAL_COMPONENT_FIELDS[c]];
    return target == null ? [] : [{ component: c, target, current: current[c] }];
  });
}

/** The goal form's values for an existing goal (only the targets that are set). */
export function goalFormDefaults(goal: GoalTargets): Record<string, string> {
  return Object.fromEntries(
    Object.entries({
      targetTotal: goal.targetTotal,
      targetDate: goal.targetDate,
      ...Object.fromEntries(COMPONENTS.map((c) => [GOAL_COMPONENT_FIELDS[c], goal[GOAL_COMPONENT_FIELDS[c]]])),
    }).flatMap(([k, v]) => (v == null ? [] : [[k, String(v)]])),
  );
}

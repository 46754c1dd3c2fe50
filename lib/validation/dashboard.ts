import { isIsoDate } from "@/lib/dates";
import type { ActionState } from "./action-state";

export const DASHBOARD_RANGES = [12, 26, 52] as const;
export type DashboardRange = (typeof DASHBOARD_RANGES)[number];

/** ?weeks= → one of 12 / 26 / 52 (12 for anything else). */
export function parseWeeks(value: unknown): DashboardRange {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return (DASHBOARD_RANGES as readonly number[]).includes(n) ? (n as DashboardRange) : 12;
}

/** An ISO date query parameter, or the fallback when absent or not a real date. */
export function parseDateParam(value: unknown, fallback: string): string {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === "string" && isIsoDate(v) ? v : fallback;
}

/** A dashboard's "remind" button. */
export type RemindState = ActionState<never>;

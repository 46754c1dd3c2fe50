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

/**
 * A dashboard's "remind" form: the outcome, and the members it is about (`userIds`, the ids the form posted), so
 * the not-submitted list, one form with a Remind button per row, shows it beside the row that was pressed.
 */
export type RemindState = ActionState<never> & { userIds?: string[] };

/**
 * The latest outcome per member of a list of Remind buttons in one form: `byMember` with `state`'s members set
 * to `state` (earlier rows keep theirs, as they would with a form each).
 */
export function remindOutcomes(byMember: Record<string, RemindState>, state: RemindState): Record<string, RemindState> {
  const ids = state.message ? (state.userIds ?? []) : [];
  return ids.length === 0 ? byMember : { ...byMember, ...Object.fromEntries(ids.map((id) => [id, state])) };
}

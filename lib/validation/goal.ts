import { z } from "zod";
import { addDays, isIsoDate } from "@/lib/dates";
import { COMPONENT_LABELS, COMPONENT_MAX, COMPONENTS, type Component } from "@/lib/ssi";
import { parseDecimal } from "./snapshot";
import type { ActionState } from "./action-state";

const scoreNumber = (name: string, max: number) =>
  z
    .number({ error: (iss) => (iss.input === undefined ? `Enter ${name}.` : `${name[0]!.toUpperCase()}${name.slice(1)} must be a number, e.g. 75.`) })
    .min(0, `${name[0]!.toUpperCase()}${name.slice(1)} must be between 0 and ${max}.`)
    .max(max, `${name[0]!.toUpperCase()}${name.slice(1)} must be between 0 and ${max}.`);

const componentTarget = (c: Component) =>
  z.preprocess(parseDecimal, scoreNumber(`the ${COMPONENT_LABELS[c].short} target`, COMPONENT_MAX).optional());

/** A goal from the form: a target total, optional component targets, and a date after today (within 5 years). */
export function goalInputSchema(todayIso: string) {
  return z.object({
    targetTotal: z.preprocess(parseDecimal, scoreNumber("the target SSI", 100)),
    targetBrand: componentTarget("brand"),
    targetPeople: componentTarget("people"),
    targetInsights: componentTarget("insights"),
    targetRelationships: componentTarget("relationships"),
    targetDate: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() || undefined : v),
      z
        .string({ error: "Pick the date you want to reach it by." })
        .refine(isIsoDate, "Enter the date as YYYY-MM-DD.")
        .refine((d) => d > todayIso, "Pick a date after today.")
        .refine((d) => d <= addDays(todayIso, 5 * 366), "Pick a date within the next five years."),
    ),
  });
}
export type GoalInput = z.output<ReturnType<typeof goalInputSchema>>;
export const GOAL_COMPONENT_FIELDS = {
  brand: "targetBrand",
  people: "targetPeople",
  insights: "targetInsights",
  relationships: "targetRelationships",
} as const satisfies Record<(typeof COMPONENTS)[number], string>;

/** The goal form. */
export type GoalFormState = ActionState;

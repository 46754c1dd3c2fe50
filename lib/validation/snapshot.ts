import { z } from "zod";
import { isIsoDate } from "@/lib/dates";
import {
  COMPONENT_LABELS,
  COMPONENT_MAX,
  COMPONENTS,
  round3,
  sumComponents,
  TOTAL_MAX,
  totalMatchesComponents,
  type Component,
} from "@/lib/ssi";
import type { ActionState } from "./action-state";

export const SSI_FIRST_DATE = "2014-01-01";

/** User-facing messages, exported so tests and UI copy don't repeat the strings. */
export const SNAPSHOT_MESSAGES = {
  dateMissing: "Enter the date of your score.",
  dateFormat: "Enter the date as YYYY-MM-DD, e.g. 2024-06-15.",
  dateNotReal: "That date doesn't exist: check the day and month.",
  dateTooEarly: "LinkedIn's SSI starts in 2014: pick a date from 2014-01-01 on.",
  dateFuture: "The date can't be in the future.",
  componentMissing: (name: string) => `Enter your score for ${name}.`,
  notANumber: (name: string) => `${name} must be a number, e.g. 18.52.`,
  range: (name: string, min: number, max: number) => `${name} must be between ${min} and ${max}.`,
  rankRange: (name: string) => `${name} must be a Top % above 0 and at most 100.`,
  decimals: (name: string) => `Use at most three decimals for ${name}.`,
  totalMismatch: "Total must equal the sum of the four components (±0.5).",
} as const;

const DECIMAL = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;

/** FormData-style value → number; blank or absent → undefined; unreadable → NaN. */
export function parseDecimal(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== "string") return value;
  const s = value.trim().replace(/[\s\u00a0\u202f]/g, "");
  if (s === "") return undefined;
  return DECIMAL.test(s) ? Number(s.replace(",", ".")) : Number.NaN;
}

const hasAtMost3Decimals = (v: number) => Math.abs(v * 1000 - Math.round(v * 1000)) < 1e-6;

type NumberRule = { name: string; min: number; max: number; minExclusive?: boolean };

function numberField({ name, min, max, minExclusive }: NumberRule, missing: string) {
  return z
    .number({ error: (iss) => (iss.input === undefined ? missing : SNAPSHOT_MESSAGES.notANumber(name)) })
    .check((ctx) => {
      const v = ctx.value;
      const inRange = (minExclusive ? v > min : v >= min) && v <= max;
      const message = !inRange
        ? minExclusive
          ? SNAPSHOT_MESSAGES.rankRange(name)
          : SNAPSHOT_MESSAGES.range(name, min, max)
        : !hasAtMost3Decimals(v)
          ? SNAPSHOT_MESSAGES.decimals(name)
          : undefined;
      if (message) ctx.issues.push({ code: "custom", message, input: v });
    });
}

const required = (rule: NumberRule, missing: string) =>
  z.preprocess(parseDecimal, numberField(rule, missing));
const optional = (rule: NumberRule) => z.preprocess(parseDecimal, numberField(rule, "").optional());

function component(c: Component) {
  const name = COMPONENT_LABELS[c].linkedIn;
  return required({ name, min: 0, max: COMPONENT_MAX }, SNAPSHOT_MESSAGES.componentMissing(name));
}

function measuredOn(todayIso: string) {
  return z.preprocess(
    (v) => (typeof v === "string" ? v.trim() || undefined : (v ?? undefined)),
    z.string({ error: SNAPSHOT_MESSAGES.dateMissing }).check((ctx) => {
      const v = ctx.value;
      const message = !/^\d{4}-\d{2}-\d{2}$/.test(v)
        ? SNAPSHOT_MESSAGES.dateFormat
        : !isIsoDate(v)
          ? SNAPSHOT_MESSAGES.dateNotReal
          : v < SSI_FIRST_DATE
            ? SNAPSHOT_MESSAGES.dateTooEarly
            : v > todayIso
              ? SNAPSHOT_MESSAGES.dateFuture
              : undefined;
      if (message) ctx.issues.push({ code: "custom", message, input: v });
    }),
  );
}

const SUM_FIELDS = new Set<string>([...COMPONENTS, "total"]);

/**
 * One SSI snapshot from a form, CSV row or JSON body. `todayIso` is today's date in
 * the team's time zone. The output always has `total`: the sum when it was omitted.
 */
export function snapshotInputSchema(todayIso: string) {
  // Built once per date: zod compiles an object schema on first use, and the API and the forms ask on every
  // request (a handful of "todays" across the teams' time zones at any moment).
  let schema = schemasByDay.get(todayIso);
  if (!schema) {
    schema = buildSnapshotInputSchema(todayIso);
    if (schemasByDay.size >= 64) schemasByDay.clear();
    schemasByDay.set(todayIso, schema);
  }
  return schema;
}

const schemasByDay = new Map<string, ReturnType<typeof buildSnapshotInputSchema>>();

function buildSnapshotInputSchema(todayIso: string) {
  return z
    .object({
      measuredOn: measuredOn(todayIso),
      brand: component("brand"),
      people: component("people"),
      insights: component("insights"),
      relationships: component("relationships"),
      total: optional({ name: "Total SSI", min: 0, max: TOTAL_MAX }),
      industryRank: optional({ name: "Industry SSI rank", min: 0, max: 100, minExclusive: true }),
      networkRank: optional({ name: "Network SSI rank", min: 0, max: 100, minExclusive: true }),
      industryAvg: optional({ name: "Industry average SSI", min: 0, max: 100 }),
      networkAvg: optional({ name: "Network average SSI", min: 0, max: 100 }),
    })
    .refine((v) => v.total === undefined || totalMatchesComponents(v.total, sumComponents(v)), {
      path: ["total"],
      message: SNAPSHOT_MESSAGES.totalMismatch,
      // Also report a mismatch when only unrelated fields (the date, ranks) failed.
      when: (payload) => payload.issues.every((iss) => !SUM_FIELDS.has(String(iss.path?.[0]))),
    })
    .transform((v) => ({ ...v, total: v.total ?? round3(sumComponents(v)) }));
}

export type SnapshotInput = z.output<ReturnType<typeof snapshotInputSchema>>;

export const SNAPSHOT_FIELDS = [
  "measuredOn",
  ...COMPONENTS,
  "total",
  "industryRank",
  "networkRank",
  "industryAvg",
  "networkAvg",
] as const;

/** Field → messages for a failed parse (empty for a successful one), ready for the form. */
export function fieldErrors<T>(result: z.ZodSafeParseResult<T>): { [K in keyof T]?: string[] } {
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
}

export type SnapshotFieldName = (typeof SNAPSHOT_FIELDS)[number];

/** The snapshot form: `ok` after a save, errors per field, and what was typed, re-filled after an error. */
export type SnapshotFormState = ActionState<SnapshotFieldName>;

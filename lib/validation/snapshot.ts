import { z } from "zod";
import { isIsoDate } from "@/lib/dates";
import {
  COMPONENTS,
  inRange,
  isOptional,
  rangeText,
  round3,
  SSI_FIELDS,
  sumComponents,
  totalMatchesComponents,
  type Component,
  type SsiField,
  type SsiScoreField,
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
  range: (f: SsiScoreField) => `${f.label} must be ${rangeText(f)}.`,
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

function numberField(f: SsiScoreField) {
  const name = f.label;
  return z
    .number({ error: (iss) => (iss.input === undefined ? SNAPSHOT_MESSAGES.componentMissing(name) : SNAPSHOT_MESSAGES.notANumber(name)) })
    .check((ctx) => {
      const v = ctx.value;
      const message = !inRange(f, v)
        ? SNAPSHOT_MESSAGES.range(f)
        : !hasAtMost3Decimals(v)
          ? SNAPSHOT_MESSAGES.decimals(name)
          : undefined;
      if (message) ctx.issues.push({ code: "custom", message, input: v });
    });
}

const required = (f: SsiScoreField) => z.preprocess(parseDecimal, numberField(f));
const optional = (f: SsiScoreField) => z.preprocess(parseDecimal, numberField(f).optional());

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

/** The form's order, and so the order of its messages: the components before the total they add up to. */
const FORM_ORDER: readonly SsiField[] = [
  ...SSI_FIELDS.filter((f) => f.kind === "date" || f.kind === "component"),
  ...SSI_FIELDS.filter((f) => f.kind !== "date" && f.kind !== "component"),
];

type OptionalKey = Exclude<SsiField["key"], "measuredOn" | Component>;
type SnapshotShape = { measuredOn: ReturnType<typeof measuredOn> } & Record<Component, ReturnType<typeof required>> &
  Record<OptionalKey, ReturnType<typeof optional>>;

function snapshotShape(todayIso: string): SnapshotShape {
  return Object.fromEntries(
    FORM_ORDER.map((f) => [f.key, f.kind === "date" ? measuredOn(todayIso) : isOptional(f) ? optional(f) : required(f)]),
  ) as SnapshotShape;
}

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
    .object(snapshotShape(todayIso))
    .refine((v) => v.total === undefined || totalMatchesComponents(v.total, sumComponents(v)), {
      path: ["total"],
      message: SNAPSHOT_MESSAGES.totalMismatch,
      // Also report a mismatch when only unrelated fields (the date, ranks) failed.
      when: (payload) => payload.issues.every((iss) => !SUM_FIELDS.has(String(iss.path?.[0]))),
    })
    .transform((v) => ({ ...v, total: v.total ?? round3(sumComponents(v)) }));
}

export type SnapshotInput = z.output<ReturnType<typeof snapshotInputSchema>>;

export const SNAPSHOT_FIELDS = FORM_ORDER.map((f) => f.key);

/** Field → messages for a failed parse (empty for a successful one), ready for the form. */
export function fieldErrors<T>(result: z.ZodSafeParseResult<T>): { [K in keyof T]?: string[] } {
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
}

export type SnapshotFieldName = SsiField["key"];

/** The snapshot form: `ok` after a save, errors per field, and what was typed, re-filled after an error. */
export type SnapshotFormState = ActionState<SnapshotFieldName>;

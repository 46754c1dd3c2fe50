import { z } from "zod";
import { isValidTimeZone } from "@/lib/dates";
import { hasControlChars } from "./text";
import type { ActionState } from "./action-state";

export const TEAM_MESSAGES = {
  nameMissing: "Enter a team name.",
  nameShort: "Use at least 2 characters for the team name.",
  nameLong: "Use at most 60 characters for the team name.",
  nameControl: "The team name can't contain control characters.",
  timeZone: "Pick a valid time zone, e.g. Europe/Berlin.",
  weekStart: "Pick the day the week starts on (1 = Monday … 7 = Sunday).",
  staleDays: "The staleness window must be a whole number of days from 1 to 90.",
  digestDay: "Pick the digest day (1 = Monday … 7 = Sunday).",
  digestHour: "The digest hour must be a whole hour from 0 to 23.",
} as const;

/** FormData-style value → integer; blank or absent → undefined (so defaults apply); junk → NaN. */
function parseInteger(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== "string") return value;
  const s = value.trim();
  if (s === "") return undefined;
  return /^[+-]?\d+$/.test(s) ? Number(s) : Number.NaN;
}

function intField(min: number, max: number, fallback: number, message: string) {
  return z.preprocess(
    parseInteger,
    z.number({ error: message }).int(message).min(min, message).max(max, message).default(fallback),
  );
}

export const teamInput = z.object({
  name: z
    .string({ error: TEAM_MESSAGES.nameMissing })
    .trim()
    .min(1, { error: TEAM_MESSAGES.nameMissing, abort: true })
    .min(2, TEAM_MESSAGES.nameShort)
    .max(60, TEAM_MESSAGES.nameLong)
    .refine((s) => !hasControlChars(s), TEAM_MESSAGES.nameControl),
  timeZone: z
    .string({ error: TEAM_MESSAGES.timeZone })
    .trim()
    .refine(isValidTimeZone, TEAM_MESSAGES.timeZone)
    // Store the canonical spelling ("europe/berlin" → "Europe/Berlin").
    .transform((tz) => new Intl.DateTimeFormat("en-US", { timeZone: tz }).resolvedOptions().timeZone),
  weekStart: intField(1, 7, 1, TEAM_MESSAGES.weekStart),
  staleDays: intField(1, 90, 14, TEAM_MESSAGES.staleDays),
  digestDay: intField(1, 7, 1, TEAM_MESSAGES.digestDay),
  digestHour: intField(0, 23, 8, TEAM_MESSAGES.digestHour),
});

export type TeamInput = z.output<typeof teamInput>;

/** The team form (new team and settings). */
export type TeamFormState = ActionState<"name" | "timeZone" | "weekStart" | "staleDays" | "digestDay" | "digestHour">;

/** A member's or the team's one-button actions (role change, removal, leave, delete): a sentence when refused. */
export type MemberActionState = ActionState<never>;

/** The TV link form: the new link, shown once, or that it was revoked. */
export type TvLinkState = { link?: string; revoked?: boolean };

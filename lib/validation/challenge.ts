import { z } from "zod";
import { addDays, isIsoDate } from "@/lib/dates";
import { CHALLENGE_KINDS } from "@/lib/challenges/rules";
import { RANK_BY } from "@/lib/ranking";
import { parseDecimal } from "./snapshot";
import { hasControlChars } from "./text";
import type { ActionState } from "./action-state";

export const CHALLENGE_MESSAGES = {
  name: "Give the challenge a name.",
  nameLong: "Use at most 80 characters for the name.",
  nameControl: "The name can't contain control characters.",
  kind: "Pick the kind of challenge.",
  metric: "Pick what counts: the total SSI or one component.",
  date: "Enter the date as YYYY-MM-DD.",
  startTooOld: "The start can be at most a year ago.",
  startTooFar: "The start can be at most a year ahead.",
  endBeforeStart: "The end must be on or after the start.",
  tooLong: "A challenge can last at most a year.",
  target: "Enter the target to reach.",
  targetTotal: "The target must be between 0 and 100 for the total SSI.",
  targetComponent: "The target must be between 0 and 25 for a component.",
  participants: "Choose at least one participant, or pick every member.",
  participantOutside: "Only members of this team can take part.",
  teamsNone: "Pick at least one other team to compete against.",
  teamNotManaged: "You can only add teams you manage.",
  endBeforeToday: "A running challenge can't end before today.",
  startLocked: "A running challenge keeps its start date.",
} as const;

const dateField = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z.string({ error: CHALLENGE_MESSAGES.date }).refine(isIsoDate, CHALLENGE_MESSAGES.date),
);
const name = z
  .string({ error: CHALLENGE_MESSAGES.name })
  .trim()
  .min(1, CHALLENGE_MESSAGES.name)
  .max(80, CHALLENGE_MESSAGES.nameLong)
  .refine((s) => !hasControlChars(s), CHALLENGE_MESSAGES.nameControl);
const ids = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(100)).max(1000));

/** A new challenge from the form: `today` in the host team's zone, its member ids, and the teams the person manages. */
export function challengeInputSchema(ctx: {
  today: string;
  hostTeamSlug: string;
  memberIds: ReadonlySet<string>;
  /** Slugs of the teams the person manages or owns. */
  managedTeamSlugs: ReadonlySet<string>;
}) {
  return z
    .object({
      name,
      kind: z.enum(CHALLENGE_KINDS, { error: CHALLENGE_MESSAGES.kind }),
      metric: z.enum(RANK_BY, { error: CHALLENGE_MESSAGES.metric }).default("total"),
      target: z.preprocess(parseDecimal, z.number({ error: CHALLENGE_MESSAGES.target }).optional()),
      startsOn: dateField,
      endsOn: dateField,
      participants: z.enum(["all", "chosen"]).default("all"),
      participantIds: ids,
      teamSlugs: ids,
    })
    .superRefine((v, issue) => {
      const at = (path: string, message: string) => issue.addIssue({ code: "custom", path: [path], message });
      if (v.startsOn < addDays(ctx.today, -365)) at("startsOn", CHALLENGE_MESSAGES.startTooOld);
      if (v.startsOn > addDays(ctx.today, 365)) at("startsOn", CHALLENGE_MESSAGES.startTooFar);
      if (v.endsOn < v.startsOn) at("endsOn", CHALLENGE_MESSAGES.endBeforeStart);
      else if (v.endsOn > addDays(v.startsOn, 365)) at("endsOn", CHALLENGE_MESSAGES.tooLong);
      if (v.kind === "race") {
        const max = v.metric === "total" ? 100 : 25;
        if (v.target === undefined) at("target", CHALLENGE_MESSAGES.target);
        else if (!(v.target >= 0 && v.target <= max)) at("target", max === 100 ? CHALLENGE_MESSAGES.targetTotal : CHALLENGE_MESSAGES.targetComponent);
      }
      if (v.kind === "versus") {
        const others = v.teamSlugs.filter((t) => t !== ctx.hostTeamSlug);
        if (others.some((t) => !ctx.managedTeamSlugs.has(t))) at("teamSlugs", CHALLENGE_MESSAGES.teamNotManaged);
        else if (others.length === 0) at("teamSlugs", CHALLENGE_MESSAGES.teamsNone);
      } else if (v.participants === "chosen") {
        if (v.participantIds.length === 0) at("participantIds", CHALLENGE_MESSAGES.participants);
        else if (v.participantIds.some((id) => !ctx.memberIds.has(id))) at("participantIds", CHALLENGE_MESSAGES.participantOutside);
      }
    })
    .transform((v) => ({
      ...v,
      target: v.kind === "race" ? v.target! : null,
      // Team against team is always every member of every team; chosen participants are for the other kinds.
      participants: v.kind === "versus" ? ("all" as const) : v.participants,
      participantIds: v.kind === "versus" || v.participants === "all" ? [] : [...new Set(v.participantIds)],
      teamSlugs: v.kind === "versus" ? [...new Set(v.teamSlugs)].filter((t) => t !== ctx.hostTeamSlug) : [],
    }));
}
export type ChallengeInput = z.output<ReturnType<typeof challengeInputSchema>>;

/**
 * An edit: a running challenge may change only its name and end date (not before today); one that has not
 * started may also move its start. `phase` and the stored start come from the database, not the form.
 */
export function challengeEditSchema(ctx: { today: string; phase: "upcoming" | "running" | "ended"; startsOn: string }) {
  return z
    .object({ name, startsOn: dateField.optional(), endsOn: dateField })
    .superRefine((v, issue) => {
      const at = (path: string, message: string) => issue.addIssue({ code: "custom", path: [path], message });
      const start = v.startsOn ?? ctx.startsOn;
      if (ctx.phase !== "upcoming" && start !== ctx.startsOn) at("startsOn", CHALLENGE_MESSAGES.startLocked);
      if (ctx.phase === "upcoming" && start < addDays(ctx.today, -365)) at("startsOn", CHALLENGE_MESSAGES.startTooOld);
      if (v.endsOn < start) at("endsOn", CHALLENGE_MESSAGES.endBeforeStart);
      else if (v.endsOn > addDays(start, 365)) at("endsOn", CHALLENGE_MESSAGES.tooLong);
      else if (ctx.phase === "running" && v.endsOn < ctx.today) at("endsOn", CHALLENGE_MESSAGES.endBeforeToday);
    })
    .transform((v) => ({ name: v.name, startsOn: v.startsOn ?? ctx.startsOn, endsOn: v.endsOn }));
}
export type ChallengeEdit = z.output<ReturnType<typeof challengeEditSchema>>;

/** The challenge forms (create and edit); `chosen` keeps the picked people and teams after an error. */
export type ChallengeFormState = ActionState & { chosen?: { participantIds: string[]; teamSlugs: string[] } };

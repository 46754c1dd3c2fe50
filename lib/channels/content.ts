// What the team's channel posts say, computed from the board (pure): the weekly summary and batched highlights.
import type { BoardEntry } from "@/db/queries/leaderboard-types";
import { COMPONENT_ADVICE, COMPONENT_LABELS, COMPONENTS, round3, weakestComponent, type Component } from "@/lib/ssi";

/** How a member may appear in channel posts. */
export type ChannelPerson = { named: boolean; hidesBreakdown: boolean };

export const UNNAMED = "A teammate";

export type WeeklySummary = {
  team: { name: string; slug: string };
  week: { start: string; end: string };
  top: { rank: number; name: string; total: number; rankChange: number | "new" | null }[];
  movers: { name: string; places: number; total: number }[];
  average: number | null;
  averageChange: number | null;
  recorded: number;
  members: number;
  weakest: { label: string; advice: string; value: number } | null;
  /** The digest's challenge announcements (start, final stretch, result), each with its challenge's page. */
  challenges: ChallengeNote[];
  boardUrl: string;
};

/** One line about a challenge, and the page it links to. */
export type ChallengeNote = { text: string; url: string };

/** A post of its own when a manager starts a challenge (a highlight). */
export type ChallengePost = { team: { name: string; slug: string }; note: ChallengeNote; boardUrl: string };

/** The challenge page's address in the team's own pages (each team of a team-against-team challenge has one). */
export const challengeUrl = (origin: string, slug: string, challengeId: string) => `${origin}/t/${slug}/challenges/${challengeId}`;

const TOP = 5;
const MOVERS = 3;

export type WeeklyInput = {
  team: { name: string; slug: string };
  week: { start: string; end: string };
  board: BoardEntry[];
  average: number | null;
  previousAverage: number | null;
  people: ReadonlyMap<string, ChannelPerson>;
  origin: string;
  /** This week's challenge announcements, names already as the channel may show them. */
  challenges?: { challengeId: string; text: string }[];
};

/**
 * The weekly summary. Members who opted out of being named appear as "A teammate". The weakest pillar is
 * averaged only over members who show their breakdown, so no hidden component value ever reaches a post.
 */
export function buildWeeklySummary(input: WeeklyInput): WeeklySummary {
  const nameOf = (e: BoardEntry) => (input.people.get(e.userId)?.named === false ? UNNAMED : e.name);
  const ranked = input.board.filter((e) => e.status === "ranked");
  const movers = ranked
    .filter((e): e is BoardEntry & { rankChange: number } => typeof e.rankChange === "number" && e.rankChange > 0)
    .sort((a, b) => b.rankChange - a.rankChange || (b.totalChange ?? 0) - (a.totalChange ?? 0) || a.rank! - b.rank!)
    .slice(0, MOVERS)
    .map((e) => ({ name: nameOf(e), places: e.rankChange, total: e.total! }));
  const open = ranked.filter((e) => e.components && input.people.get(e.userId)?.hidesBreakdown === false);
  let weakest: WeeklySummary["weakest"] = null;
  if (open.length) {
    const avg = Object.fromEntries(COMPONENTS.map((c) => [c, round3(open.reduce((s, e) => s + e.components![c], 0) / open.length)])) as Record<Component, number>;
    const c = weakestComponent(avg);
    weakest = { label: COMPONENT_LABELS[c].linkedIn, advice: COMPONENT_ADVICE[c], value: avg[c] };
  }
  const { start, end } = input.week;
  return {
    team: input.team,
    week: input.week,
    top: ranked.slice(0, TOP).map((e) => ({ rank: e.rank!, name: nameOf(e), total: e.total!, rankChange: e.rankChange })),
    movers,
    average: input.average,
    averageChange: input.average !== null && input.previousAverage !== null ? round3(input.average - input.previousAverage) : null,
    recorded: input.board.filter((e) => !!e.measuredOn && e.measuredOn >= start && e.measuredOn <= end).length,
    members: input.board.length,
    weakest,
    challenges: (input.challenges ?? []).map((a) => ({ text: a.text, url: challengeUrl(input.origin, input.team.slug, a.challengeId) })),
    boardUrl: `${input.origin}/t/${input.team.slug}`,
  };
}

export type HighlightItem =
  | { kind: "new_leader"; name: string; total: number }
  | { kind: "personal_best"; name: string; total: number; mark: number }
  | { kind: "goal_reached"; name: string; total: number; mark: number };

export type HighlightsPost = { team: { name: string; slug: string }; items: HighlightItem[]; boardUrl: string };

/** The rounded marks a personal best is celebrated at. */
export const BEST_MARKS = [70, 80, 90] as const;

/** The highest mark a new best passes: previous best below it, the new total at or above it; null for none. */
export function markPassed(previousBest: number | null, total: number): number | null {
  const passed = BEST_MARKS.filter((m) => total >= m && (previousBest === null || previousBest < m));
  return passed.length ? passed[passed.length - 1]! : null;
}

/** One sentence per highlight (the names go in as given: each renderer escapes them for its format). */
export function highlightParts(item: HighlightItem): { name: string; rest: string } {
  const total = item.total.toFixed(1);
  if (item.kind === "new_leader") return { name: item.name, rest: ` is the new #1, with ${total}.` };
  if (item.kind === "personal_best") return { name: item.name, rest: ` passed ${item.mark} for the first time: a personal best of ${total}.` };
  return { name: item.name, rest: ` reached their goal of ${item.mark.toFixed(1)}, with ${total}.` };
}

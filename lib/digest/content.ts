import type { BoardEntry } from "@/db/queries/leaderboard-types";
import type { ChallengeAnnouncement } from "@/lib/challenges/announcements";
import type { Role } from "@/db/schema";
import { COMPONENT_ADVICE, COMPONENT_LABELS, COMPONENTS, round3, weakestComponent, type Component } from "@/lib/ssi";

export type DigestRow = { rank: number; name: string; total: number; rankChange: number | "new" | null; isRecipient: boolean };
export type Advice = { component: Component; label: string; advice: string; value: number };

export type DigestInput = {
  team: { name: string; slug: string };
  week: { start: string; end: string };
  recipient: { userId: string; name: string; role: Role };
  /** The board as of the week's last day (rank and total changes are against one week earlier). */
  board: BoardEntry[];
  average: number | null;
  /** The team average a week earlier, for its change. */
  previousAverage: number | null;
  /** Challenges that start, enter their final stretch or end around this digest. */
  challenges?: ChallengeAnnouncement[];
};

export type DigestContent = {
  team: { name: string; slug: string };
  week: { start: string; end: string };
  recipient: { userId: string; name: string; role: Role };
  rankedCount: number;
  memberCount: number;
  me: {
    rank: number | null;
    rankChange: number | "new" | null;
    total: number | null;
    totalChange: number | null;
    status: BoardEntry["status"];
    lastMeasuredOn: string | null;
    submittedThisWeek: boolean;
    weakest: Advice | null;
  };
  top: DigestRow[];
  /** The rows around the recipient when they are below the top 5 (else empty). */
  around: DigestRow[];
  average: number | null;
  averageChange: number | null;
  topImprover: { name: string; change: number; isRecipient: boolean } | null;
  manager: {
    submitted: number;
    members: number;
    stale: { name: string; lastMeasuredOn: string | null }[];
    teamWeakest: Advice | null;
  } | null;
  challenges: ChallengeAnnouncement[];
};

const TOP = 5;
const AROUND = 2;

const row = (e: BoardEntry, recipientId: string): DigestRow => ({
  rank: e.rank!,
  name: e.name,
  total: e.total!,
  rankChange: e.rankChange,
  isRecipient: e.userId === recipientId,
});

const advice = (component: Component, value: number): Advice => ({
  component,
  label: COMPONENT_LABELS[component].linkedIn,
  advice: COMPONENT_ADVICE[component],
  value,
});

/** Everything one recipient's digest says, computed from the team's board for the week. Pure. */
export function buildDigestContent(input: DigestInput): DigestContent {
  const { board, recipient, week } = input;
  const ranked = board.filter((e) => e.status === "ranked");
  const mine = board.find((e) => e.userId === recipient.userId);
  const myIndex = ranked.findIndex((e) => e.userId === recipient.userId);

  const around =
    myIndex >= TOP ? ranked.slice(Math.max(TOP, myIndex - AROUND), myIndex + AROUND + 1).map((e) => row(e, recipient.userId)) : [];

  const improvers = ranked.filter((e) => e.totalChange !== null && e.totalChange > 0);
  const best = improvers.reduce<BoardEntry | null>((b, e) => (!b || e.totalChange! > b.totalChange! ? e : b), null);

  const submittedThisWeek = (e: BoardEntry | undefined) => !!e?.measuredOn && e.measuredOn >= week.start && e.measuredOn <= week.end;

  let manager: DigestContent["manager"] = null;
  if (recipient.role !== "member") {
    let teamWeakest: Advice | null = null;
    if (ranked.length) {
      const avg = Object.fromEntries(
        COMPONENTS.map((c) => [c, round3(ranked.reduce((s, e) => s + e.components![c], 0) / ranked.length)]),
      ) as Record<Component, number>;
      const c = weakestComponent(avg);
      teamWeakest = advice(c, avg[c]);
    }
    manager = {
      submitted: board.filter((e) => submittedThisWeek(e)).length,
      members: board.length,
      stale: board.filter((e) => e.status !== "ranked").map((e) => ({ name: e.name, lastMeasuredOn: e.measuredOn })),
      teamWeakest,
    };
  }

  const weakest = mine?.components ? weakestComponent(mine.components) : null;
  return {
    team: input.team,
    week,
    recipient,
    rankedCount: ranked.length,
    memberCount: board.length,
    me: {
      rank: mine?.rank ?? null,
      rankChange: mine?.rankChange ?? null,
      total: mine?.total ?? null,
      totalChange: mine?.totalChange ?? null,
      status: mine?.status ?? "never",
      lastMeasuredOn: mine?.measuredOn ?? null,
      submittedThisWeek: submittedThisWeek(mine),
      weakest: weakest && mine?.components ? advice(weakest, mine.components[weakest]) : null,
    },
    top: ranked.slice(0, TOP).map((e) => row(e, recipient.userId)),
    around,
    average: input.average,
    averageChange: input.average !== null && input.previousAverage !== null ? round3(input.average - input.previousAverage) : null,
    topImprover: best ? { name: best.name, change: best.totalChange!, isRecipient: best.userId === recipient.userId } : null,
    manager,
    challenges: input.challenges ?? [],
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "up 2 this week", "down 1 this week", "holding steady", "new on the board this week". */
export function movementPhrase(change: number | "new" | null): string {
  if (change === "new") return "new on the board this week";
  if (change === null || change === 0) return "holding steady this week";
  return change > 0 ? `up ${plural(change, "place")} this week` : `down ${plural(-change, "place")} this week`;
}

function subjectMove(change: number | "new" | null): string {
  if (change === "new") return "new on the board this week";
  if (!change) return "holding steady";
  return change > 0 ? `up ${change} this week` : `down ${-change} this week`;
}

/** A subject that says something: the rank and its move, or what to do to get one. */
export function digestSubject(d: DigestContent): string {
  if (d.me.rank !== null) return `You're #${d.me.rank} on ${d.team.name} — ${subjectMove(d.me.rankChange)}`;
  if (d.manager) {
    const avg = d.average !== null ? `, average ${d.average.toFixed(1)}` : "";
    return `${d.team.name} this week: ${d.manager.submitted} of ${d.manager.members} submitted${avg}`;
  }
  return `Record your SSI to get ranked on ${d.team.name}`;
}

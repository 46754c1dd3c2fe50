import type { Component } from "@/lib/ssi";
import type { RankBy } from "@/lib/ranking";

/** One person on a team's board. Ranked members first (by rank), then stale, then never-submitted. */
export type BoardEntry = {
  userId: string;
  name: string;
  /**
   * "hidden": a fresh score, but the board is ranked by a component this person hides from the viewer, so they
   * are not placed in that ranking (only ever for a teammate, never for managers or the person themself).
   */
  status: "ranked" | "hidden" | "stale" | "never";
  /** Competition rank (1, 2, 2, 4) among ranked members; null for stale and never. */
  rank: number | null;
  /** Ranked only: places moved since the same point one week earlier (positive = up), or "new". */
  rankChange: number | "new" | null;
  /** The value ranked by (the total or one component) from the latest snapshot at or before asOf. */
  value: number | null;
  total: number | null;
  components: Record<Component, number> | null;
  /** Total now minus the total of the latest snapshot at or before asOf − 7 days; null when either is missing. */
  totalChange: number | null;
  measuredOn: string | null;
  /** Calendar days between measuredOn and asOf. */
  daysAgo: number | null;
  isViewer: boolean;
  /** The person hides their component breakdown from this viewer: `components` is null (and `value` too when ranking by a component). */
  hidden: boolean;
};

export type Leaderboard = {
  teamName: string;
  asOf: string;
  /** Today in the team's time zone; asOf ≤ today. */
  today: string;
  by: RankBy;
  staleDays: number;
  entries: BoardEntry[];
  rankedCount: number;
  memberCount: number;
  /** Of the totals of members with a fresh score (ranked, or "hidden" in a by-component view); null when none. */
  average: number | null;
  median: number | null;
  viewer: { rank: number | null; status: BoardEntry["status"] } | null;
};

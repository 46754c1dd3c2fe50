import type { Component } from "@/lib/ssi";
import type { RankBy } from "@/lib/ranking";

/** One person on a team's board. Ranked members first (by rank), then stale, then never-submitted. */
export type BoardEntry = {
  userId: string;
  name: string;
  status: "ranked" | "stale" | "never";
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
  /** Of the ranked members' totals; null when nobody is ranked. */
  average: number | null;
  median: number | null;
  viewer: { rank: number | null; status: BoardEntry["status"] } | null;
};

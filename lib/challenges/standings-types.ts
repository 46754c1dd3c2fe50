/** One participant of the viewer's team in a challenge. Ranked first (by rank), then everyone else. */
export type ChallengeEntry = {
  userId: string;
  name: string;
  /**
   * "unranked": no starting score (most improved, team against team) or no recent score at all (race);
   * "hidden": the challenge counts a component this person hides from teammates, so they are not placed.
   */
  status: "ranked" | "unranked" | "hidden";
  rank: number | null;
  /** Joined the team after the start (without an earlier starting score, theirs is their first score since). */
  joiner: boolean;
  baseline: { on: string; value: number } | null;
  current: { on: string; value: number; daysAgo: number } | null;
  improvement: number | null;
  reachedOn: string | null;
  distance: number | null;
  isViewer: boolean;
};

/** A team taking part, as an aggregate: the mean improvement of its participants who have a baseline. */
export type TeamStanding = {
  teamId: string;
  name: string;
  rank: number | null;
  average: number | null;
  participants: number;
  /** Participants with a baseline (counted in the average). */
  counted: number;
  isViewerTeam: boolean;
};

export type ChallengeStandings = {
  /** The last day that counts so far: the end date, or today while running. */
  end: string;
  /** The viewer's team's participants only. */
  entries: ChallengeEntry[];
  /** Every team taking part (one for most improved and race). */
  teams: TeamStanding[];
};

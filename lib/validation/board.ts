import { isIsoDate } from "@/lib/dates";
import { parsePageParam } from "@/lib/paging";
import { RANK_BY, type RankBy } from "@/lib/ranking";

/** Reads the board's query string: an as-of date clamped to [2014-01-01, today], a known ranking column, a page. */
export function parseBoardParams(params: Record<string, string | string[] | undefined>, today: string) {
  const rawAsOf = typeof params.asOf === "string" ? params.asOf : "";
  const asOf = isIsoDate(rawAsOf) && rawAsOf >= "2014-01-01" && rawAsOf <= today ? rawAsOf : today;
  const rawBy = typeof params.by === "string" ? params.by : "";
  const by: RankBy = (RANK_BY as readonly string[]).includes(rawBy) ? (rawBy as RankBy) : "total";
  // Long boards are shown a page of ranks at a time (components/leaderboard/leaderboard-view.tsx).
  return { asOf, by, page: parsePageParam(params.page), adjusted: rawAsOf !== "" && rawAsOf !== asOf };
}

export type BoardParams = ReturnType<typeof parseBoardParams>;

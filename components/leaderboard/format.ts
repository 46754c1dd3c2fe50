import type { BoardEntry } from "@/db/queries/leaderboard-types";
import type { RankBy } from "@/lib/ranking";
import { formatScore } from "@/lib/format";
import { COMPONENT_LABELS } from "@/lib/ssi";


/** The label of what the board is ranked by: "Total SSI" or the component's LinkedIn name. */
export function rankByLabel(by: RankBy): string {
  return by === "total" ? "Total SSI" : COMPONENT_LABELS[by].linkedIn;
}

/** Ranks shared by more than one ranked entry (standard competition ties). */
export function tiedRanks(entries: BoardEntry[]): Set<number> {
  const seen = new Set<number>();
  const tied = new Set<number>();
  for (const e of entries) {
    if (e.status !== "ranked" || e.rank == null) continue;
    if (seen.has(e.rank)) tied.add(e.rank);
    seen.add(e.rank);
  }
  return tied;
}

/** The value shown as "ranked value": the component when ranking by one, else the total. */
export function rankedValueText(entry: BoardEntry, by: RankBy): string {
  const value = entry.value ?? (by === "total" ? entry.total : entry.components?.[by]) ?? null;
  if (value == null) return "—";
  return formatScore(value, by === "total" ? 1 : 2);
}

import type { BoardEntry } from "@/db/queries/leaderboard-types";
import type { RankBy } from "@/lib/ranking";
import { COMPONENT_LABELS } from "@/lib/ssi";

/** A score with a fixed number of decimals; tabular figures line these up in columns. */
export function formatScore(value: number, decimals = 1): string {
  const text = value.toFixed(decimals);
  // toFixed keeps the sign of tiny negatives ("-0.0"), which reads as a change that isn't there.
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

// One formatter for the process: toLocaleDateString builds a new Intl.DateTimeFormat on every call, which
// cost a 50-member board ≈ 7 % of its render time (one date per row).
const DATE = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });

/** "14 Mar 2025" for an ISO date, read as a calendar date (no time-zone shift). */
export function formatDate(iso: string): string {
  return DATE.format(new Date(`${iso}T00:00:00Z`));
}

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

import { addDays, weekStartOf } from "@/lib/dates";

export type Streak = {
  /** Consecutive weeks with at least one score, ending this week (or last week while this one is still open). */
  current: number;
  longest: number;
  /** True when there is already a score this week. */
  thisWeek: boolean;
};

/**
 * Weekly submission streak. `dates` are the person's snapshot dates (YYYY-MM-DD), `today` is today's date in
 * the person's own time zone (users.timeZone, else UTC); weeks start on Monday unless `weekStart` says otherwise.
 * A week without a score yet does not break the streak until it is over.
 */
export function weeklyStreak(dates: readonly string[], today: string, weekStart = 1): Streak {
  const weeks = new Set(dates.filter((d) => d <= today).map((d) => weekStartOf(d, weekStart)));
  const thisWeekStart = weekStartOf(today, weekStart);
  const thisWeek = weeks.has(thisWeekStart);
  let current = 0;
  for (let w = thisWeek ? thisWeekStart : addDays(thisWeekStart, -7); weeks.has(w); w = addDays(w, -7)) current++;
  let longest = 0;
  let run = 0;
  let previous: string | null = null;
  for (const w of [...weeks].sort()) {
    run = previous !== null && addDays(previous, 7) === w ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = w;
  }
  return { current, longest, thisWeek };
}

import { addDays, hourInZone, todayInZone, weekStartOf } from "@/lib/dates";

export type DigestSchedule = { timeZone: string; weekStart: number; digestDay: number; digestHour: number };

/** The team's last completed week at `now`, in its time zone: [start, end] as calendar dates. */
export function lastCompletedWeek(team: Pick<DigestSchedule, "timeZone" | "weekStart">, now: Date) {
  const current = weekStartOf(todayInZone(team.timeZone, now), team.weekStart);
  const start = addDays(current, -7);
  return { start, end: addDays(start, 6) };
}

/** The week containing `date` for a team whose weeks start on `weekStart`. */
export function weekOf(date: string, weekStart: number) {
  const start = weekStartOf(date, weekStart);
  return { start, end: addDays(start, 6) };
}

/**
 * When the digest for the last completed week is due: its send day is the team's digest weekday within the
 * current week, at the digest hour, in the team's zone. Returns the week to report on once that moment has
 * passed, else null. Each current week has exactly one such digest, so a trigger late by hours or days still
 * sends it (once: digest_runs is keyed by team and week).
 */
export function dueDigestWeek(team: DigestSchedule, now: Date): { start: string; end: string } | null {
  const today = todayInZone(team.timeZone, now);
  const current = weekStartOf(today, team.weekStart);
  const sendDay = addDays(current, (team.digestDay - team.weekStart + 7) % 7);
  const hour = hourInZone(team.timeZone, now);
  const due = today > sendDay || (today === sendDay && hour >= team.digestHour);
  return due ? lastCompletedWeek(team, now) : null;
}

/** The day the digest for `week` goes out: the team's digest weekday in the week after it. */
export function digestSendDay(team: Pick<DigestSchedule, "weekStart" | "digestDay">, week: { end: string }): string {
  return addDays(week.end, 1 + ((team.digestDay - team.weekStart + 7) % 7));
}

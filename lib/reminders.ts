import type { OutgoingEmail } from "@/db/queries/outbox";
import { addDays, hourInZone, isoWeekday, todayInZone, weekStartOf } from "@/lib/dates";
import { reminderEmail } from "@/lib/mail/templates";
import { unsubscribeFor } from "@/lib/mail/unsubscribe";

/** ISO weekday and local hour from which the opt-in reminder goes out when nothing was recorded this week. */
export const REMINDER_DAY = 4; // Thursday
export const REMINDER_HOUR = 10;

export type ReminderCandidate = { id: string; name: string | null; email: string; timeZone: string | null; lastOn: string | null; lastTotal: number | null };

/**
 * The weekly reminder for every person who opted in and has no snapshot this week (Monday to Sunday in their
 * own time zone, UTC when unset), once it is Thursday 10:00 or later there. One per person per week: the
 * dedupe key makes every instance's scheduler and every re-run safe.
 */
export function dueReminderEmails(people: ReminderCandidate[], now: Date, origin: string): OutgoingEmail[] {
  return people.flatMap((p) => {
    const zone = p.timeZone || "UTC";
    const today = todayInZone(zone, now);
    const weekStart = weekStartOf(today, 1);
    const due = isoWeekday(today) > REMINDER_DAY || (isoWeekday(today) === REMINDER_DAY && hourInZone(zone, now) >= REMINDER_HOUR);
    if (!due || (p.lastOn !== null && p.lastOn >= weekStart && p.lastOn <= addDays(weekStart, 6))) return [];
    const unsubscribe = unsubscribeFor(origin, p.id, "reminders");
    const mail = reminderEmail({ name: p.name, submitUrl: `${origin}/me`, unsubscribeUrl: unsubscribe.pageUrl, lastTotal: p.lastTotal });
    return [{ dedupeKey: `reminder:self:${p.id}:${weekStart}`, kind: "reminder", to: p.email, userId: p.id, headers: unsubscribe.headers, ...mail }];
  });
}

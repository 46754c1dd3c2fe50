import { sql } from "drizzle-orm";
import { database, queryRows } from "../client";
import { enqueueEmail } from "./outbox";
import { addDays, isoWeekday, todayInZone, weekStartOf } from "@/lib/dates";
import { reminderEmail } from "@/lib/mail/templates";
import { unsubscribeFor } from "@/lib/mail/unsubscribe";

/** ISO weekday and local hour from which the opt-in reminder goes out when nothing was recorded this week. */
export const REMINDER_DAY = 4; // Thursday
export const REMINDER_HOUR = 10;

function localHour(timeZone: string, now: Date): number {
  const h = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(now);
  return Number(h);
}

/**
 * Enqueues the weekly reminder for every person who opted in and has no snapshot this week (Monday to Sunday in
 * their own time zone, UTC when unset), once it is Thursday 10:00 or later there. One per person per week:
 * the dedupe key makes every instance's scheduler and every re-run safe.
 */
export async function enqueueDueReminders(now: Date, opts: { origin: string }): Promise<number> {
  const db = await database();
  const people = await queryRows<{ id: string; name: string | null; email: string; time_zone: string | null; last_on: string | null; last_total: number | null }>(
    db,
    sql`select u.id, u.name, u.email, u.time_zone,
               s.measured_on::text as last_on, s.total::float8 as last_total
        from users u
        left join lateral (
          select measured_on, total from snapshots where user_id = u.id order by measured_on desc limit 1
        ) s on true
        where u.reminders_enabled`,
  );
  let enqueued = 0;
  for (const p of people) {
    const zone = p.time_zone || "UTC";
    const today = todayInZone(zone, now);
    const weekStart = weekStartOf(today, 1);
    const due = isoWeekday(today) > REMINDER_DAY || (isoWeekday(today) === REMINDER_DAY && localHour(zone, now) >= REMINDER_HOUR);
    if (!due || (p.last_on !== null && p.last_on >= weekStart && p.last_on <= addDays(weekStart, 6))) continue;
    const unsubscribe = unsubscribeFor(opts.origin, p.id, "reminders");
    const mail = reminderEmail({ name: p.name, submitUrl: `${opts.origin}/me`, unsubscribeUrl: unsubscribe.pageUrl, lastTotal: p.last_total });
    if (await enqueueEmail(null, { dedupeKey: `reminder:self:${p.id}:${weekStart}`, kind: "reminder", to: p.email, userId: p.id, headers: unsubscribe.headers, ...mail })) enqueued++;
  }
  return enqueued;
}

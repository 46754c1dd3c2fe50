import { sql } from "drizzle-orm";
import { database, queryRows } from "../client";
import { enqueueEmails, type OutgoingEmail } from "./outbox";
import type { ReminderCandidate } from "@/lib/reminders";

/** Everyone who opted in to the weekly reminder, with their time zone and latest snapshot. */
export async function listReminderCandidates(): Promise<ReminderCandidate[]> {
  const db = await database();
  const rows = await queryRows<{ id: string; name: string | null; email: string; time_zone: string | null; last_on: string | null; last_total: number | null }>(
    db,
    sql`select u.id, u.name, u.email, u.time_zone,
               s.measured_on::text as last_on, s.total::float8 as last_total
        from users u
        left join lateral (
          select measured_on, total from snapshots where user_id = u.id order by measured_on desc limit 1
        ) s on true
        where u.reminders_enabled`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, timeZone: r.time_zone, lastOn: r.last_on, lastTotal: r.last_total }));
}

/** Enqueues the reminders in one transaction; returns how many were new (a re-run's duplicates are kept out). */
export async function enqueueReminderEmails(emails: OutgoingEmail[]): Promise<number> {
  if (emails.length === 0) return 0;
  const db = await database();
  return db.transaction((tx) => enqueueEmails(tx, emails));
}

import { enqueueReminderEmails, listReminderCandidates } from "@/db/queries/reminders";
import { dueReminderEmails } from "@/lib/reminders";

/** Enqueues the opt-in weekly reminder for everyone it is due for (lib/reminders.ts); returns how many were new. */
export async function enqueueDueReminders(now: Date, opts: { origin: string }): Promise<number> {
  return enqueueReminderEmails(dueReminderEmails(await listReminderCandidates(), now, opts.origin));
}

import { eq } from "drizzle-orm";
import { database } from "../client";
import { users } from "../schema";
import type { MailingList } from "@/lib/mail/unsubscribe";

export type NotificationPrefs = { digestEnabled: boolean; remindersEnabled: boolean; teamRemindersEnabled: boolean; nameInChannels: boolean };

const OFF: Record<MailingList, Partial<NotificationPrefs>> = {
  digest: { digestEnabled: false },
  reminders: { remindersEnabled: false },
  "team-reminders": { teamRemindersEnabled: false },
};

/** A person's email preferences, or null when they do not exist. */
export async function getNotificationPrefs(userId: string): Promise<NotificationPrefs | null> {
  const db = await database();
  const [row] = await db
    .select({
      digestEnabled: users.digestEnabled,
      remindersEnabled: users.remindersEnabled,
      teamRemindersEnabled: users.teamRemindersEnabled,
      nameInChannels: users.nameInChannels,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

/** Saves a person's email and channel preferences (those given). */
export async function updateNotificationPrefs(userId: string, prefs: Partial<NotificationPrefs>): Promise<void> {
  const db = await database();
  await db.update(users).set(prefs).where(eq(users.id, userId));
}

/** Turns one list off for a person (from a signed unsubscribe link); returns their email, or null if gone. */
export async function unsubscribeFromList(userId: string, list: MailingList): Promise<string | null> {
  const db = await database();
  const rows = await db
    .update(users)
    .set(OFF[list])
    .where(eq(users.id, userId))
    .returning({ email: users.email });
  return rows[0]?.email ?? null;
}

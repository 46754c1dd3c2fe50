"use server";

import { revalidatePath } from "next/cache";
import { updateNotificationPrefs } from "@/db/queries/notification-prefs";
import { requireUser } from "@/lib/authz";
import type { NotificationsState } from "@/lib/validation/notifications";

/** Saves the signed-in person's email preferences (checkboxes: absent means off). */
export async function saveNotificationsAction(_prev: NotificationsState, formData: FormData): Promise<NotificationsState> {
  const prefs = {
    digestEnabled: formData.get("digest") === "on",
    remindersEnabled: formData.get("reminders") === "on",
    teamRemindersEnabled: formData.get("teamReminders") === "on",
    nameInChannels: formData.get("named") === "on",
  };
  const user = await requireUser("/account/notifications");
  await updateNotificationPrefs(user.id, prefs);
  revalidatePath("/account/notifications");
  return { ok: true, message: "Email preferences saved." };
}

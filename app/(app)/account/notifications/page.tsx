import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { NotificationsForm } from "@/components/mail/notifications-form";
import { getNotificationPrefs } from "@/db/queries/notification-prefs";
import { requireUser } from "@/lib/authz";
import { saveNotificationsAction } from "./actions";

export const metadata: Metadata = { title: "Email preferences" };

export default async function NotificationsPage() {
  const user = await requireUser("/account/notifications");
  const prefs = (await getNotificationPrefs(user.id)) ?? { digestEnabled: true, remindersEnabled: false, teamRemindersEnabled: true, nameInChannels: true };
  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Email preferences</h1>
        <p className="text-sm text-muted">Emails go to {user.email}. Invitations and sign-in links are always sent.</p>
      </div>
      <Card>
        <NotificationsForm action={saveNotificationsAction} defaults={prefs} />
      </Card>
    </div>
  );
}

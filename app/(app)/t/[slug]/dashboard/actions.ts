"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { RemindState } from "@/lib/validation/dashboard";
import { enqueueReminders } from "@/server/team-reminders";
import { requireTeamRole } from "@/lib/authz";
import { publicOrigin } from "@/lib/mail/origin";
import { todayInZone, weekStartOf } from "@/lib/dates";

const remindInput = z.object({ slug: z.string().min(1).max(200), userIds: z.array(z.string().min(1)).min(1).max(1000) });

/**
 * Queues "record your SSI" reminders for the given members (managers and owners only), once per team week. The
 * team comes from the form (field `slug`) rather than a bound argument: a bound action makes React encode its
 * arguments for every form on the server. The not-submitted list posts the pressed row's `userId` from one form
 * around its rows; the result names the members it is about (`userIds`), so the list shows it beside that row.
 */
export async function remindAction(_prev: RemindState, formData: FormData): Promise<RemindState> {
  const parsed = remindInput.safeParse({ slug: String(formData.get("slug") ?? ""), userIds: formData.getAll("userId").map(String) });
  if (!parsed.success) return { message: "Pick someone to remind." };
  const { slug, userIds } = parsed.data;
  const { access, team, user } = await requireTeamRole(slug, "manager");
  const weekStart = weekStartOf(todayInZone(team.timeZone), team.weekStart);
  const { queued, alreadyQueued, optedOut } = await enqueueReminders(access, {
    userIds,
    weekStart,
    teamName: team.name,
    teamSlug: team.slug,
    origin: publicOrigin(),
    senderName: user.name ?? user.email,
  });
  revalidatePath(`/t/${slug}/dashboard`);
  if (queued === 0 && alreadyQueued === 0) {
    return { userIds, message: optedOut ? "Not sent: they have turned reminders from managers off." : "Nobody to remind: they are no longer in the team." };
  }
  const off = `${optedOut} turned reminders from managers off.`;
  const msg = queued === 1 ? "Reminder queued." : `${queued} reminders queued.`;
  const notes = [alreadyQueued ? `${alreadyQueued} already had one this week.` : "", optedOut ? off : ""].filter(Boolean);
  return { ok: true, userIds, message: [msg, ...notes].join(" ") };
}

"use server";

import { revalidatePath } from "next/cache";
import { deleteSnapshot } from "@/db/queries/snapshots";
import { requireTeamRole } from "@/lib/authz";
import { isIsoDate } from "@/lib/dates";

/** Deletes one of the signed-in person's own snapshots. */
export async function deleteMySnapshotAction(slug: string, formData: FormData) {
  const date = String(formData.get("measuredOn") ?? "");
  const { access } = await requireTeamRole(slug);
  if (!isIsoDate(date)) return;
  await deleteSnapshot(access.userId, date, { actorId: access.userId });
  revalidatePath(`/t/${slug}`, "layout");
}

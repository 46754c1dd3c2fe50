"use server";

import { unsubscribeFromList } from "@/db/queries/notification-prefs";
import { verifyUnsubscribeToken } from "@/lib/mail/unsubscribe";
import type { UnsubscribeState } from "@/lib/validation/notifications";

/** Turns the list off for the person the signed token names; works without signing in. */
export async function unsubscribeAction(_prev: UnsubscribeState, formData: FormData): Promise<UnsubscribeState> {
  const claim = verifyUnsubscribeToken(String(formData.get("token") ?? ""));
  if (!claim) return { message: "This unsubscribe link is not valid. Use the link from a recent email, or change your preferences in the app." };
  const email = await unsubscribeFromList(claim.userId, claim.list);
  if (!email) return { message: "This account no longer exists, so it gets no email." };
  return { done: true };
}

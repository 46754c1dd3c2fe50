"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { confirmEmailProof } from "@/db/queries/email-proofs";
import { requireUser } from "@/lib/authz";

const REASONS = {
  not_found: "This confirmation link is not valid.",
  used: "This confirmation link was already used, or a newer one replaced it.",
  expired: "This confirmation link has expired. Ask for a new one on your account page.",
  other_account: "This link confirms an address for a different account. Sign in to that account to use it.",
  taken: "Another account uses this address now, so it cannot become yours.",
} as const;

export async function confirmEmailAction(token: string, _prev: { message?: string }): Promise<{ message?: string }> {
  const user = await requireUser(`/account/confirm-email/${token}`);
  const r = await confirmEmailProof(token, user.id);
  if (!r.ok) return { message: REASONS[r.reason] };
  revalidatePath("/", "layout");
  redirect("/account?email=confirmed");
}

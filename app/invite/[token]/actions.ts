"use server";

import { redirect } from "next/navigation";
import { acceptInvitation } from "@/db/queries/invitations";
import { requireUser } from "@/lib/authz";

const REASONS = {
  not_found: "This invitation link is not valid.",
  expired: "This invitation has expired. Ask your manager for a new one.",
  revoked: "This invitation was revoked. Ask your manager for a new one.",
  used: "This invitation was already used.",
  wrong_email: "This invitation was sent to a different email address. Sign in with that address to accept it.",
  unproved_email: "Confirm your email address first (see your account page): an invitation is accepted only by the account that proved it receives mail at the address.",
} as const;

export async function acceptInvitationAction(token: string, _prev: { message?: string }): Promise<{ message?: string }> {
  const user = await requireUser(`/invite/${token}`);
  const r = await acceptInvitation(token, user);
  if (!r.ok) return { message: REASONS[r.reason] };
  redirect(`/t/${r.teamSlug}?joined=1`);
}

import { createInvitation, getInvitationContext, invitationExpiry, newInvitationToken } from "@/db/queries/invitations";
import type { Role } from "@/db/schema";
import { invitationEmail } from "@/lib/mail/templates";
import type { TeamAccess } from "@/lib/team-access";

/**
 * Creates an invitation (db/queries/invitations.ts); an email invitation's email (the link is
 * origin/invite/token) is rendered here and written to the outbox in the invitation's transaction.
 */
export async function inviteToTeam(
  access: TeamAccess,
  input: { email: string | null; role: Exclude<Role, "owner">; expiresInDays: number },
  opts: { origin: string },
) {
  const token = newInvitationToken();
  const expiresAt = invitationExpiry(input.expiresInDays);
  const mail = input.email
    ? invitationEmail({ ...(await getInvitationContext(access)), role: input.role, link: `${opts.origin}/invite/${token}`, expiresAt })
    : undefined;
  return createInvitation(access, input, { token, expiresAt, mail });
}

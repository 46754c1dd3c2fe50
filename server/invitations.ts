import { createInvitation, createInvitations, getInvitationContext, invitationExpiry, newInvitationToken, type InvitationInput } from "@/db/queries/invitations";
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

/**
 * Invites many people by email, each exactly as inviteToTeam does (own token, own email), all in one
 * transaction: every invitation and its outbox email, or none.
 */
export async function inviteManyToTeam(access: TeamAccess, inputs: (InvitationInput & { email: string })[], opts: { origin: string }) {
  const context = await getInvitationContext(access);
  return createInvitations(
    access,
    inputs.map((input) => {
      const token = newInvitationToken();
      const expiresAt = invitationExpiry(input.expiresInDays);
      return { input, opts: { token, expiresAt, mail: invitationEmail({ ...context, role: input.role, link: `${opts.origin}/invite/${token}`, expiresAt }) } };
    }),
  );
}

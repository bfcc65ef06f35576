import {
  ConflictError,
  type CreateInvitationBody,
  INVITATION_VALID_DAYS,
  type Invitation,
} from '@liaison/core';
import {
  findMember,
  findUserByEmail,
  insertInvitation,
  type Pool,
  withTransaction,
} from '@liaison/db';
import { hashSecret, randomSecret } from '../../auth/random-secrets.js';
import { lockMembersFor } from '../memberships/require-member-management.js';
import { enqueueInvitationMail } from '../notifications/invitation-mail.js';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { invitationView } from './invitation-view.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Invites a person to the organization: they become a member only when they accept, through the
 * link mailed to them here. The answer never holds the link's secret; only its hash is stored.
 */
export async function createInvitation(
  pool: Pool,
  context: RequestContext,
  organization: string,
  input: CreateInvitationBody,
): Promise<Invitation> {
  const inviter = requireUser(context.actor);
  const email = input.email.toLowerCase();
  return withTransaction(pool, async (client) => {
    await lockMembersFor(client, context.actor, organization, 'invite');
    const existing = await findUserByEmail(client, email);
    if (existing && (await findMember(client, organization, existing.id))) {
      throw new ConflictError(`${email} is already a member of ${organization}`, 'already_member');
    }
    const token = randomSecret();
    const invitation = await insertInvitation(client, {
      organization,
      email,
      role: input.role,
      tokenHash: hashSecret(token),
      invitedBy: inviter.userId,
      expiresAt: new Date(Date.now() + INVITATION_VALID_DAYS * DAY_MS),
    });
    await enqueueInvitationMail(client, { ...invitation, token });
    await auditAction(client, context, organization, {
      action: 'membership.invite',
      objectType: 'invitation',
      objectId: invitation.id,
      details: { email, role: input.role, expiresAt: invitation.expiresAt.toISOString() },
    });
    return invitationView(invitation);
  });
}

import { INVITATION_VALID_DAYS, type Role } from '@liaison/core';
import { enqueueMail, type Queryable } from '@liaison/db';

/**
 * In the transaction that created the invitation: the mail with its link, to the invited address.
 * The link carries the secret token, which is stored nowhere else in clear.
 */
export function enqueueInvitationMail(
  client: Queryable,
  invitation: {
    email: string;
    role: Role;
    organizationName: string;
    invitedBy: string | null;
    token: string;
  },
): Promise<number> {
  return enqueueMail(client, {
    kind: 'membership.invitation',
    recipients: [invitation.email],
    subject: `Invitation to join ${invitation.organizationName} in Liaison`,
    text: [
      `${invitation.invitedBy ?? 'An admin'} invites you to join ${invitation.organizationName} in Liaison as ${invitation.role === 'member' ? 'a' : 'an'} ${invitation.role}.`,
      '',
      `Open the link below within ${INVITATION_VALID_DAYS} days to accept. If you have no Liaison account yet, you choose your name and password there.`,
      'If you did not expect this invitation, ignore this mail: nothing happens unless you accept.',
    ].join('\n'),
    linkPath: `/invitations/${invitation.token}`,
  });
}

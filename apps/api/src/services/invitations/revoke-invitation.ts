import { NotFoundError } from '@liaison/core';
import { type Pool, revokeInvitation as revokeInvitationRow, withTransaction } from '@liaison/db';
import { lockMembersFor } from '../memberships/require-member-management.js';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';

/** Revokes a pending invitation: its link stops working at once. */
export async function revokeInvitation(
  pool: Pool,
  context: RequestContext,
  organization: string,
  id: string,
): Promise<void> {
  requireUser(context.actor);
  await withTransaction(pool, async (client) => {
    await lockMembersFor(client, context.actor, organization, 'manage');
    const revoked = await revokeInvitationRow(client, organization, id);
    if (!revoked) throw new NotFoundError(`No such pending invitation to ${organization}`);
    await auditAction(client, context, organization, {
      action: 'membership.revoke-invitation',
      objectType: 'invitation',
      objectId: id,
      details: { email: revoked.email, role: revoked.role },
    });
  });
}

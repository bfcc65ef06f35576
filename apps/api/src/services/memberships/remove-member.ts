import {
  deleteMembership,
  type Pool,
  revokeOrganizationSessions,
  withTransaction,
} from '@liaison/db';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { keepAnAdmin, memberToChange } from './membership-changes.js';
import { lockMembersFor } from './require-member-management.js';

/**
 * Ends a membership. The person stays in Liaison (the audit trail and their other memberships
 * refer to them); they lose access to the organization's documents with their next request:
 * memberships are read fresh on every request, and their sign-in sessions scoped to this
 * organization (through its identity provider) end at once, since they speak for it alone.
 */
export async function removeMember(
  pool: Pool,
  context: RequestContext,
  organization: string,
  userId: string,
): Promise<void> {
  requireUser(context.actor);
  await withTransaction(pool, async (client) => {
    await lockMembersFor(client, context.actor, organization, 'manage');
    const current = await memberToChange(client, organization, userId);
    await keepAnAdmin(client, organization, current);
    await deleteMembership(client, organization, userId);
    await revokeOrganizationSessions(client, userId, organization);
    await auditAction(client, context, organization, {
      action: 'membership.remove',
      objectType: 'membership',
      objectId: userId,
      details: { email: current.email, role: current.role },
    });
  });
}

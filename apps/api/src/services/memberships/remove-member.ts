import { ConflictError, NotFoundError } from '@liaison/core';
import {
  countAdmins,
  deleteMembership,
  findMember,
  type Pool,
  recordAuditEvent,
  revokeOrganizationSessions,
  withTransaction,
} from '@liaison/db';
import { auditedBy, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
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
    const current = await findMember(client, organization, userId);
    if (!current) throw new NotFoundError(`No such member of ${organization}`);
    if (current.role === 'admin' && (await countAdmins(client, organization)) <= 1) {
      throw new ConflictError(
        `${current.email} is the last admin of ${organization}; make someone else admin first`,
        'last_admin',
      );
    }
    await deleteMembership(client, organization, userId);
    await revokeOrganizationSessions(client, userId, organization);
    await recordAuditEvent(client, {
      ...auditedBy(context, [organization]),
      action: 'membership.remove',
      objectType: 'membership',
      objectId: userId,
      organization,
      details: { email: current.email, role: current.role },
    });
  });
}

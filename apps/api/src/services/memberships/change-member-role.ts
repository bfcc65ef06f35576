import { ConflictError, type Member, NotFoundError, type Role } from '@liaison/core';
import {
  countAdmins,
  findMember,
  type Pool,
  recordAuditEvent,
  updateMembershipRole,
  withTransaction,
} from '@liaison/db';
import { auditedBy, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { lockMembersFor } from './require-member-management.js';

export async function changeMemberRole(
  pool: Pool,
  context: RequestContext,
  organization: string,
  userId: string,
  role: Role,
): Promise<Member> {
  requireUser(context.actor);
  return withTransaction(pool, async (client) => {
    // Membership changes to one organization queue up here, so two admins demoting each other at
    // the same moment cannot both pass the last-admin check.
    await lockMembersFor(client, context.actor, organization, 'manage');
    const current = await findMember(client, organization, userId);
    if (!current) throw new NotFoundError(`No such member of ${organization}`);
    if (current.role === role) return current;
    if (current.role === 'admin' && (await countAdmins(client, organization)) <= 1) {
      throw new ConflictError(
        `${current.email} is the last admin of ${organization}; make someone else admin first`,
        'last_admin',
      );
    }
    await updateMembershipRole(client, { organization, userId, role });
    await recordAuditEvent(client, {
      ...auditedBy(context, [organization]),
      action: 'membership.change-role',
      objectType: 'membership',
      objectId: userId,
      organization,
      details: { email: current.email, from: current.role, to: role },
    });
    return { ...current, role };
  });
}

import type { Member, Role } from '@liaison/core';
import { type Pool, updateMembershipRole, withTransaction } from '@liaison/db';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { keepAnAdmin, memberToChange } from './membership-changes.js';
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
    const current = await memberToChange(client, organization, userId);
    if (current.role === role) return current;
    await keepAnAdmin(client, organization, current);
    await updateMembershipRole(client, { organization, userId, role });
    await auditAction(client, context, organization, {
      action: 'membership.change-role',
      objectType: 'membership',
      objectId: userId,
      details: { email: current.email, from: current.role, to: role },
    });
    return { ...current, role };
  });
}

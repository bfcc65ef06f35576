import { type AddMemberBody, ConflictError, type Member, NotFoundError } from '@liaison/core';
import {
  findMember,
  findUserByEmail,
  insertMembership,
  insertPasswordlessUser,
  lockOrganizationMemberships,
  type Pool,
  recordAuditEvent,
  withTransaction,
} from '@liaison/db';
import { auditedBy, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { requireMemberManagement } from './require-member-management.js';

/**
 * Adds a person to the organization. Someone not yet in Liaison is created without a password:
 * they sign in through their organization's identity provider, or the operator sets a password
 * later. The name given is used only for a new person; an existing person keeps theirs.
 */
export async function addMember(
  pool: Pool,
  context: RequestContext,
  organization: string,
  input: AddMemberBody,
): Promise<Member> {
  requireUser(context.actor);
  const email = input.email.toLowerCase();
  return withTransaction(pool, async (client) => {
    if (!(await lockOrganizationMemberships(client, organization))) {
      throw new NotFoundError('No such organization');
    }
    await requireMemberManagement(client, context.actor, organization);

    const existing = await findUserByEmail(client, email);
    const user = existing
      ? { id: existing.id, created: false }
      : await insertPasswordlessUser(client, {
          email,
          name: input.name ?? email.slice(0, email.indexOf('@')),
        });
    const added = await insertMembership(client, {
      organization,
      userId: user.id,
      role: input.role,
    });
    if (!added) {
      throw new ConflictError(`${email} is already a member of ${organization}`, 'already_member');
    }
    await recordAuditEvent(client, {
      ...auditedBy(context, [organization]),
      action: 'membership.add',
      objectType: 'membership',
      objectId: user.id,
      organization,
      details: { email, role: input.role, newUser: user.created },
    });
    return (await findMember(client, organization, user.id))!;
  });
}

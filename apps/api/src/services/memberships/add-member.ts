import { type AddMemberBody, ConflictError, type Member } from '@liaison/core';
import {
  findMember,
  findUserByEmail,
  insertMembership,
  insertPasswordlessUser,
  type Pool,
  withTransaction,
} from '@liaison/db';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { lockMembersFor } from './require-member-management.js';

/**
 * Adds a person to the organization at once, without asking them: the portal operator's alone
 * (organization admins invite, see services/invitations). Someone not yet in Liaison is created
 * without a password: they sign in through their organization's identity provider, or the
 * operator sets a password later. The name given is used only for a new person; an existing
 * person keeps theirs.
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
    await lockMembersFor(client, context.actor, organization, 'add-directly');

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
    await auditAction(client, context, organization, {
      action: 'membership.add',
      objectType: 'membership',
      objectId: user.id,
      details: { email, role: input.role, newUser: user.created },
    });
    return (await findMember(client, organization, user.id))!;
  });
}

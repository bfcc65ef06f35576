import { type Membership, scopedMemberships, UnauthenticatedError } from '@liaison/core';
import { findUserById, listMemberships, type Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  memberships: Membership[];
  operator: boolean;
}

/** The caller's own account as these credentials see it, in the shape the sign-in answer gives it. */
export async function getCurrentUser(pool: Pool, context: RequestContext): Promise<CurrentUser> {
  const { userId } = requireUser(context.actor);
  const user = await findUserById(pool, userId);
  if (!user || user.disabled) throw new UnauthenticatedError('The account is unknown or disabled');
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    memberships: scopedMemberships(await listMemberships(pool, user.id), context.actor.scope),
    operator: context.actor.operator,
  };
}

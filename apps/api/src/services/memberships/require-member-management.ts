import { type Actor, actorFromMemberships, canManageMembers, ForbiddenError } from '@liaison/core';
import { listMemberships, type Queryable } from '@liaison/db';

/**
 * Throws ForbiddenError unless the actor manages the organization's members. Decides on the
 * actor's memberships as they are now, read inside the caller's transaction after it locked the
 * organization: an admin demoted a moment ago by someone else can no longer act on old roles.
 */
export async function requireMemberManagement(
  db: Queryable,
  actor: Actor,
  organization: string,
): Promise<void> {
  // Same user, same scope (a single sign-on session counts one organization only), fresh roles.
  const current: Actor =
    actor.userId === null || actor.email === null
      ? actor
      : actorFromMemberships(
          { id: actor.userId, email: actor.email, operator: actor.operator },
          await listMemberships(db, actor.userId),
          actor.scope,
        );
  if (!canManageMembers(current, organization)) {
    throw new ForbiddenError(
      `Only admins of ${organization} and the portal operator manage its members`,
    );
  }
}

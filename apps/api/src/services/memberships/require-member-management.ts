import {
  type Actor,
  actorFromMemberships,
  canManageMembers,
  decideMemberAddition,
  ForbiddenError,
  type MemberAddition,
  NotFoundError,
} from '@liaison/core';
import {
  listMemberships,
  lockOrganizationMemberships,
  organizationExists,
  type Queryable,
} from '@liaison/db';
import { requireUser } from '../require-user.js';

/**
 * The actor with their memberships as they are now, read inside the caller's transaction after
 * it locked the organization: an admin demoted a moment ago by someone else can no longer act on
 * old roles. Same user, same scope (a single sign-on session counts one organization only).
 */
async function currentActor(db: Queryable, actor: Actor): Promise<Actor> {
  return actor.userId === null || actor.email === null
    ? actor
    : actorFromMemberships(
        { id: actor.userId, email: actor.email, operator: actor.operator },
        await listMemberships(db, actor.userId),
        actor.scope,
      );
}

/**
 * Before a list of an organization's people: a signed-in actor, and the organization. Organizations
 * are public (GET /organizations), so a missing one may say so.
 */
export async function requireSignedInToKnownOrganization(
  db: Queryable,
  actor: Actor,
  organization: string,
): Promise<void> {
  requireUser(actor);
  if (!(await organizationExists(db, organization))) {
    throw new NotFoundError('No such organization');
  }
}

const managersOnly = (organization: string) =>
  new ForbiddenError(`Only admins of ${organization} and the portal operator manage its members`);

/** Throws ForbiddenError unless the actor manages the organization's members. */
async function requireMemberManagement(
  db: Queryable,
  actor: Actor,
  organization: string,
): Promise<void> {
  if (!canManageMembers(await currentActor(db, actor), organization)) {
    throw managersOnly(organization);
  }
}

/**
 * Before a list that only those who manage the organization's members see (its members, its
 * pending invitations): 401 for anonymous callers, 404 for an unknown organization, 403 for others.
 */
export async function requireMemberListReader(
  db: Queryable,
  actor: Actor,
  organization: string,
): Promise<void> {
  await requireSignedInToKnownOrganization(db, actor, organization);
  await requireMemberManagement(db, actor, organization);
}

/**
 * Throws ForbiddenError unless the actor may bring someone into the organization this way; an
 * admin adding someone directly is told to invite them (code `invitation_required`).
 */
export async function requireMemberAddition(
  db: Queryable,
  actor: Actor,
  organization: string,
  how: MemberAddition,
): Promise<void> {
  const decision = decideMemberAddition(await currentActor(db, actor), organization, how);
  if (decision === 'invitation-required') {
    throw new ForbiddenError(
      `Adding a person needs their consent: send them an invitation (POST /api/v1/organizations/${organization}/invitations)`,
      'invitation_required',
    );
  }
  if (decision === 'deny') {
    throw managersOnly(organization);
  }
}

/**
 * Locks the organization's memberships for the rest of the transaction, so that changes to them
 * queue up (the last-admin rule reads, then writes), then requires the actor to manage its
 * members (`manage`) or to bring people in this way. NotFoundError when there is no such
 * organization.
 */
export async function lockMembersFor(
  client: Queryable,
  actor: Actor,
  organization: string,
  action: 'manage' | MemberAddition,
): Promise<void> {
  if (!(await lockOrganizationMemberships(client, organization))) {
    throw new NotFoundError('No such organization');
  }
  if (action === 'manage') await requireMemberManagement(client, actor, organization);
  else await requireMemberAddition(client, actor, organization, action);
}

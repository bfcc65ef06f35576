import { type InvitationList, NotFoundError } from '@liaison/core';
import { listPendingInvitations, organizationExists, type Pool } from '@liaison/db';
import { requireMemberManagement } from '../memberships/require-member-management.js';
import type { RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { invitationView } from './invitation-view.js';

/** The organization's invitations that can still be accepted: for its admins and the operator. */
export async function listInvitations(
  pool: Pool,
  context: RequestContext,
  organization: string,
): Promise<InvitationList> {
  requireUser(context.actor);
  // Organizations are public (GET /organizations), so a missing one may say so.
  if (!(await organizationExists(pool, organization))) {
    throw new NotFoundError('No such organization');
  }
  await requireMemberManagement(pool, context.actor, organization);
  return { items: (await listPendingInvitations(pool, organization)).map(invitationView) };
}

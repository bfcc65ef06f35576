import type { InvitationList } from '@liaison/core';
import { listPendingInvitations, type Pool } from '@liaison/db';
import { requireMemberListReader } from '../memberships/require-member-management.js';
import type { RequestContext } from '../request-context.js';
import { invitationView } from './invitation-view.js';

/** The organization's invitations that can still be accepted: for its admins and the operator. */
export async function listInvitations(
  pool: Pool,
  context: RequestContext,
  organization: string,
): Promise<InvitationList> {
  await requireMemberListReader(pool, context.actor, organization);
  return { items: (await listPendingInvitations(pool, organization)).map(invitationView) };
}

import { type MemberList, NotFoundError } from '@liaison/core';
import { listMembers, organizationExists, type Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { requireMemberManagement } from './require-member-management.js';

export async function listOrganizationMembers(
  pool: Pool,
  context: RequestContext,
  organization: string,
): Promise<MemberList> {
  requireUser(context.actor);
  // Organizations are public (GET /organizations), so a missing one may say so.
  if (!(await organizationExists(pool, organization))) {
    throw new NotFoundError('No such organization');
  }
  await requireMemberManagement(pool, context.actor, organization);
  return { items: await listMembers(pool, organization) };
}

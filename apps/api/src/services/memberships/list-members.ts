import type { MemberList } from '@liaison/core';
import { listMembers, type Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import {
  requireMemberManagement,
  requireSignedInToKnownOrganization,
} from './require-member-management.js';

export async function listOrganizationMembers(
  pool: Pool,
  context: RequestContext,
  organization: string,
): Promise<MemberList> {
  await requireSignedInToKnownOrganization(pool, context.actor, organization);
  await requireMemberManagement(pool, context.actor, organization);
  return { items: await listMembers(pool, organization) };
}

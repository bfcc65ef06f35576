import type { MemberList } from '@liaison/core';
import { listMembers, type Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { requireMemberListReader } from './require-member-management.js';

export async function listOrganizationMembers(
  pool: Pool,
  context: RequestContext,
  organization: string,
): Promise<MemberList> {
  await requireMemberListReader(pool, context.actor, organization);
  return { items: await listMembers(pool, organization) };
}

import {
  canSeeOrganizationAdmins,
  ForbiddenError,
  type OrganizationAdminList,
} from '@liaison/core';
import { listActiveAdmins, type Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { requireSignedInToKnownOrganization } from './require-member-management.js';

/** The organization's admins, for its members to know whom to ask (a role, an invitation). */
export async function listOrganizationAdmins(
  pool: Pool,
  context: RequestContext,
  organization: string,
): Promise<OrganizationAdminList> {
  await requireSignedInToKnownOrganization(pool, context.actor, organization);
  if (!canSeeOrganizationAdmins(context.actor, organization)) {
    throw new ForbiddenError(`Only members of ${organization} see who its admins are`);
  }
  return { items: await listActiveAdmins(pool, organization) };
}

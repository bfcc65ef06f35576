import {
  canSeeOrganizationAdmins,
  ForbiddenError,
  NotFoundError,
  type OrganizationAdminList,
} from '@liaison/core';
import { listActiveAdmins, organizationExists, type Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';

/** The organization's admins, for its members to know whom to ask (a role, an invitation). */
export async function listOrganizationAdmins(
  pool: Pool,
  context: RequestContext,
  organization: string,
): Promise<OrganizationAdminList> {
  requireUser(context.actor);
  // Organizations are public (GET /organizations), so a missing one may say so.
  if (!(await organizationExists(pool, organization))) {
    throw new NotFoundError('No such organization');
  }
  if (!canSeeOrganizationAdmins(context.actor, organization)) {
    throw new ForbiddenError(`Only members of ${organization} see who its admins are`);
  }
  return { items: await listActiveAdmins(pool, organization) };
}

import { ConflictError, type CreateOrganizationBody, type OrganizationDetail } from '@liaison/core';
import { findOrganization, insertOrganization, type Pool, withTransaction } from '@liaison/db';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { toOrganizationDetail } from './organization-view.js';
import { requireOrganizationManagement } from './require-organization-management.js';

/** A new organization starts with no members: the operator then adds its first admin. */
export async function createOrganization(
  pool: Pool,
  context: RequestContext,
  input: CreateOrganizationBody,
): Promise<OrganizationDetail> {
  requireUser(context.actor);
  requireOrganizationManagement(context.actor);
  return withTransaction(pool, async (client) => {
    const created = await insertOrganization(client, {
      slug: input.slug,
      name: input.name,
      description: input.description ?? '',
      iprPolicy: input.iprPolicy ?? '',
      iprPolicyUrl: input.iprPolicyUrl || null,
    });
    if (!created) {
      throw new ConflictError(`There is already an organization '${input.slug}'`, 'duplicate_slug');
    }
    await auditAction(client, context, input.slug, {
      action: 'organization.create',
      objectType: 'organization',
      objectId: input.slug,
      details: { name: input.name },
    });
    return toOrganizationDetail((await findOrganization(client, input.slug))!, created);
  });
}

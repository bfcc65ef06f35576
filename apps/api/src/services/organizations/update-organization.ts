import { createHash } from 'node:crypto';
import { NotFoundError, type OrganizationDetail, type UpdateOrganizationBody } from '@liaison/core';
import {
  findOrganization,
  findOrganizationSettings,
  type Pool,
  updateOrganizationSettings,
  withTransaction,
} from '@liaison/db';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { toOrganizationDetail } from './organization-view.js';
import { requireOrganizationManagement } from './require-organization-management.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export async function updateOrganization(
  pool: Pool,
  context: RequestContext,
  slug: string,
  change: UpdateOrganizationBody,
): Promise<OrganizationDetail> {
  requireUser(context.actor);
  requireOrganizationManagement(context.actor);
  return withTransaction(pool, async (client) => {
    const current = await findOrganizationSettings(client, slug, { lock: true });
    if (!current) throw new NotFoundError('No such organization');

    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of ['name', 'description', 'passwordLogin'] as const) {
      const to = change[field];
      if (to !== undefined && to !== current[field]) changes[field] = { from: current[field], to };
    }
    // The policy text can be long; its digest identifies it (submissions acknowledge a digest too).
    if (change.iprPolicy !== undefined && change.iprPolicy !== current.iprPolicy) {
      changes.iprPolicySha256 = { from: sha256(current.iprPolicy), to: sha256(change.iprPolicy) };
    }
    const iprPolicyUrl =
      change.iprPolicyUrl === undefined ? undefined : change.iprPolicyUrl || null;
    if (iprPolicyUrl !== undefined && iprPolicyUrl !== current.iprPolicyUrl) {
      changes.iprPolicyUrl = { from: current.iprPolicyUrl, to: iprPolicyUrl };
    }
    if (Object.keys(changes).length > 0) {
      await updateOrganizationSettings(client, slug, {
        ...change,
        ...(iprPolicyUrl === undefined ? {} : { iprPolicyUrl }),
      });
      await auditAction(client, context, slug, {
        action: 'organization.update',
        objectType: 'organization',
        objectId: slug,
        details: { changes },
      });
    }
    const settings = (await findOrganizationSettings(client, slug))!;
    return toOrganizationDetail((await findOrganization(client, slug))!, settings);
  });
}

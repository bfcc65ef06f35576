import {
  canConfigureSignIn,
  ForbiddenError,
  NotFoundError,
  type Organization,
  type OrganizationSsoBody,
} from '@liaison/core';
import {
  findOrganization,
  type Pool,
  recordAuditEvent,
  setOrganizationSso,
  withTransaction,
} from '@liaison/db';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';

/**
 * Sets (or, with null, removes) the OpenID Connect provider an organization's members sign in
 * with. Operator only; audited with the previous and the new settings.
 */
export async function configureOrganizationSso(
  pool: Pool,
  context: RequestContext,
  slug: string,
  sso: OrganizationSsoBody | null,
): Promise<Organization> {
  requireUser(context.actor);
  if (!canConfigureSignIn(context.actor)) {
    throw new ForbiddenError("Only the portal operator configures an organization's sign-in");
  }
  return withTransaction(pool, async (client) => {
    const current = await findOrganization(client, slug, { lock: true });
    if (!current) throw new NotFoundError(`There is no organization '${slug}'`);
    const before = current.signIn.sso;
    if (before?.issuer === sso?.issuer && before?.clientId === sso?.clientId) return current;
    const updated = (await setOrganizationSso(client, slug, sso))!;
    await auditAction(client, context, slug, {
      action: sso ? 'organization.sso-configure' : 'organization.sso-remove',
      objectType: 'organization',
      objectId: slug,
      details: { from: before, to: sso },
    });
    return updated;
  });
}

export interface SsoSetting {
  organization: string;
  issuer: string;
  clientId: string;
}

/**
 * Applies the SSO settings given in the environment (SSO_<SLUG>_ISSUER / SSO_<SLUG>_CLIENT_ID) at
 * start-up: the environment wins over what was set through the API, for the organizations it
 * names; others are left alone. Answers the slugs it changed and those it does not know.
 */
export async function applySsoSettings(
  pool: Pool,
  settings: readonly SsoSetting[],
): Promise<{ changed: string[]; unknown: string[] }> {
  const changed: string[] = [];
  const unknown: string[] = [];
  for (const setting of settings) {
    await withTransaction(pool, async (client) => {
      const current = await findOrganization(client, setting.organization, { lock: true });
      if (!current) {
        unknown.push(setting.organization);
        return;
      }
      const before = current.signIn.sso;
      if (before?.issuer === setting.issuer && before?.clientId === setting.clientId) return;
      const to = { issuer: setting.issuer, clientId: setting.clientId };
      await setOrganizationSso(client, setting.organization, to);
      await recordAuditEvent(client, {
        actorId: null,
        actorEmail: null,
        action: 'organization.sso-configure',
        objectType: 'organization',
        objectId: setting.organization,
        organization: setting.organization,
        onBehalfOf: null,
        address: null,
        details: { from: before, to, source: 'environment' },
      });
      changed.push(setting.organization);
    });
  }
  return { changed, unknown };
}

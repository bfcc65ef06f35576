import type { Organization, OrganizationDetail } from '@liaison/core';
import type { OrganizationSettingsRecord } from '@liaison/db';

/** The organization as everyone sees it, with the settings only its managers need. */
export function toOrganizationDetail(
  organization: Organization,
  settings: OrganizationSettingsRecord,
): OrganizationDetail {
  return {
    ...organization,
    iprPolicy: settings.iprPolicy,
    iprPolicyUrl: settings.iprPolicyUrl,
    createdAt: settings.createdAt.toISOString(),
  };
}

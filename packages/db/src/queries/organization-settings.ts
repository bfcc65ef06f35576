import type { Queryable } from '../queryable.js';
import { selectOrganization } from './organizations.js';

/** An organization with the settings the operator manages. */
export interface OrganizationSettingsRecord {
  slug: string;
  name: string;
  description: string;
  iprPolicy: string;
  /** The official policy's https address, or null. */
  iprPolicyUrl: string | null;
  passwordLogin: boolean;
  createdAt: Date;
}

const ORGANIZATION_SETTINGS_COLUMNS = `slug, name, description, ipr_policy as "iprPolicy",
  ipr_policy_url as "iprPolicyUrl", password_login as "passwordLogin", created_at as "createdAt"`;

export function findOrganizationSettings(
  db: Queryable,
  slug: string,
  options: { lock?: boolean } = {},
): Promise<OrganizationSettingsRecord | undefined> {
  return selectOrganization(db, ORGANIZATION_SETTINGS_COLUMNS, slug, options);
}

/** Inserts the organization; undefined when the slug is taken. */
export async function insertOrganization(
  db: Queryable,
  organization: {
    slug: string;
    name: string;
    description: string;
    iprPolicy: string;
    iprPolicyUrl: string | null;
  },
): Promise<OrganizationSettingsRecord | undefined> {
  const result = await db.query<OrganizationSettingsRecord>(
    `insert into organizations (slug, name, description, ipr_policy, ipr_policy_url)
     values ($1, $2, $3, $4, $5)
     on conflict (slug) do nothing
     returning ${ORGANIZATION_SETTINGS_COLUMNS}`,
    [
      organization.slug,
      organization.name,
      organization.description,
      organization.iprPolicy,
      organization.iprPolicyUrl,
    ],
  );
  return result.rows[0];
}

export async function updateOrganizationSettings(
  db: Queryable,
  slug: string,
  fields: {
    name?: string;
    description?: string;
    iprPolicy?: string;
    /** null removes it; undefined keeps it. */
    iprPolicyUrl?: string | null;
    passwordLogin?: boolean;
  },
): Promise<OrganizationSettingsRecord | undefined> {
  const result = await db.query<OrganizationSettingsRecord>(
    `update organizations set name = coalesce($2, name), description = coalesce($3, description),
            ipr_policy = coalesce($4, ipr_policy), password_login = coalesce($5, password_login),
            ipr_policy_url = case when $6::boolean then $7::text else ipr_policy_url end
      where slug = $1
      returning ${ORGANIZATION_SETTINGS_COLUMNS}`,
    [
      slug,
      fields.name ?? null,
      fields.description ?? null,
      fields.iprPolicy ?? null,
      fields.passwordLogin ?? null,
      fields.iprPolicyUrl !== undefined,
      fields.iprPolicyUrl ?? null,
    ],
  );
  return result.rows[0];
}

import type { Queryable } from '../queryable.js';

/** An organization with the settings the operator manages. */
export interface OrganizationSettingsRecord {
  slug: string;
  name: string;
  description: string;
  iprPolicy: string;
  passwordLogin: boolean;
  createdAt: Date;
}

const ORGANIZATION_SETTINGS_COLUMNS = `slug, name, description, ipr_policy as "iprPolicy",
  password_login as "passwordLogin", created_at as "createdAt"`;

export async function findOrganizationSettings(
  db: Queryable,
  slug: string,
  options: { lock?: boolean } = {},
): Promise<OrganizationSettingsRecord | undefined> {
  const result = await db.query<OrganizationSettingsRecord>(
    `select ${ORGANIZATION_SETTINGS_COLUMNS} from organizations where slug = $1
     ${options.lock ? 'for no key update' : ''}`,
    [slug],
  );
  return result.rows[0];
}

/** Inserts the organization; undefined when the slug is taken. */
export async function insertOrganization(
  db: Queryable,
  organization: { slug: string; name: string; description: string; iprPolicy: string },
): Promise<OrganizationSettingsRecord | undefined> {
  const result = await db.query<OrganizationSettingsRecord>(
    `insert into organizations (slug, name, description, ipr_policy) values ($1, $2, $3, $4)
     on conflict (slug) do nothing
     returning ${ORGANIZATION_SETTINGS_COLUMNS}`,
    [organization.slug, organization.name, organization.description, organization.iprPolicy],
  );
  return result.rows[0];
}

export async function updateOrganizationSettings(
  db: Queryable,
  slug: string,
  fields: { name?: string; description?: string; iprPolicy?: string; passwordLogin?: boolean },
): Promise<OrganizationSettingsRecord | undefined> {
  const result = await db.query<OrganizationSettingsRecord>(
    `update organizations set name = coalesce($2, name), description = coalesce($3, description),
            ipr_policy = coalesce($4, ipr_policy), password_login = coalesce($5, password_login)
      where slug = $1
      returning ${ORGANIZATION_SETTINGS_COLUMNS}`,
    [
      slug,
      fields.name ?? null,
      fields.description ?? null,
      fields.iprPolicy ?? null,
      fields.passwordLogin ?? null,
    ],
  );
  return result.rows[0];
}

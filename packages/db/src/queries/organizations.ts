import type { Organization } from '@liaison/core';
import type { QueryResultRow } from 'pg';
import type { Queryable } from '../queryable.js';

interface OrganizationRow {
  slug: string;
  name: string;
  description: string;
  passwordLogin: boolean;
  oidcIssuer: string | null;
  oidcClientId: string | null;
}

const ORGANIZATION_COLUMNS = `slug, name, description, password_login as "passwordLogin",
  oidc_issuer as "oidcIssuer", oidc_client_id as "oidcClientId"`;

function toOrganization(row: OrganizationRow): Organization {
  return {
    slug: row.slug,
    name: row.name,
    description: row.description,
    signIn: {
      password: row.passwordLogin,
      sso:
        row.oidcIssuer !== null && row.oidcClientId !== null
          ? { issuer: row.oidcIssuer, clientId: row.oidcClientId }
          : null,
    },
  };
}

export async function listOrganizations(db: Queryable): Promise<Organization[]> {
  const result = await db.query<OrganizationRow>(
    `select ${ORGANIZATION_COLUMNS} from organizations order by name`,
  );
  return result.rows.map(toOrganization);
}

/**
 * The organization's row, read as `columns`; with `lock`, no other transaction changes the row
 * until this one ends (rows that reference the organization may still be written).
 */
export async function selectOrganization<Row extends QueryResultRow>(
  db: Queryable,
  columns: string,
  slug: string,
  options: { lock?: boolean },
): Promise<Row | undefined> {
  const result = await db.query<Row>(
    `select ${columns} from organizations where slug = $1 ${options.lock ? 'for no key update' : ''}`,
    [slug],
  );
  return result.rows[0];
}

export async function findOrganization(
  db: Queryable,
  slug: string,
  options: { lock?: boolean } = {},
): Promise<Organization | undefined> {
  const row = await selectOrganization<OrganizationRow>(db, ORGANIZATION_COLUMNS, slug, options);
  return row ? toOrganization(row) : undefined;
}

/**
 * Sets (or, with null, removes) the organization's OpenID Connect provider. Answers the
 * organization as it is now, or undefined when there is no such organization.
 */
export async function setOrganizationSso(
  db: Queryable,
  slug: string,
  sso: { issuer: string; clientId: string } | null,
): Promise<Organization | undefined> {
  const result = await db.query<OrganizationRow>(
    `update organizations set oidc_issuer = $2, oidc_client_id = $3 where slug = $1
     returning ${ORGANIZATION_COLUMNS}`,
    [slug, sso?.issuer ?? null, sso?.clientId ?? null],
  );
  const row = result.rows[0];
  return row ? toOrganization(row) : undefined;
}

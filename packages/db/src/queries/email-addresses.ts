import type { Role } from '@liaison/core';
import type { Queryable } from '../queryable.js';

/** The addresses a query selects as `email`, in its order: whom a mail goes to. */
export async function selectEmails(
  db: Queryable,
  sql: string,
  params: unknown[],
): Promise<string[]> {
  const result = await db.query<{ email: string }>(sql, params);
  return result.rows.map((row) => row.email);
}

/**
 * The organizations that are parties of a register the document (`document`, its id in SQL) is
 * shared under: whom mail about it reaches beyond its owner.
 */
export const sharingPartiesOf = (document: string) =>
  `select p.organization_id from document_registers dr
     join register_parties p on p.register_id = dr.register_id
    where dr.document_id = ${document}`;

/** A mail a person opts in to: a column of notification_preferences. */
type OptInMail = 'document_releases' | 'review_calls';

/**
 * Addresses of the enabled people among `people` (a query answering user ids, with `params`) who
 * opted in to `mail`, in address order.
 */
export function optedInAddresses(
  db: Queryable,
  mail: OptInMail,
  people: string,
  params: unknown[],
): Promise<string[]> {
  return selectEmails(
    db,
    `select u.email from users u join notification_preferences np on np.user_id = u.id
      where u.id in (${people}) and np.${mail} and u.disabled_at is null
      order by u.email`,
    params,
  );
}

/** Addresses of the (enabled) members holding one of `roles` in any of the organizations, by slug. */
export async function organizationMemberAddresses(
  db: Queryable,
  organizations: readonly string[],
  roles: readonly Role[],
): Promise<string[]> {
  return selectEmails(
    db,
    `select distinct u.email
       from memberships m
       join organizations o on o.id = m.organization_id
       join users u on u.id = m.user_id
      where o.slug = any($1::text[]) and m.role = any($2::text[]) and u.disabled_at is null
      order by u.email`,
    [organizations, roles],
  );
}

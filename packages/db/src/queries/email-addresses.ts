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

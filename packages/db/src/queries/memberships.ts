import type { Role } from '@liaison/core';
import type { Queryable } from '../queryable.js';
import { selectOrganization } from './organizations.js';

/** One member of an organization, as the members page shows them. */
export interface MemberRecord {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** When the membership began (ISO 8601). */
  since: string;
}

interface MemberRow extends Omit<MemberRecord, 'since'> {
  since: Date;
}

const MEMBER_SELECT = `
  select u.id as "userId", u.email, u.name, m.role, m.created_at as since
    from memberships m
    join users u on u.id = m.user_id
    join organizations o on o.id = m.organization_id`;

function toMember(row: MemberRow): MemberRecord {
  return { ...row, since: row.since.toISOString() };
}

/**
 * Locks the organization for the rest of the transaction so that membership changes to it queue
 * up (the last-admin rule reads, then writes). Does not block documents that reference it.
 * False when there is no such organization.
 */
export async function lockOrganizationMemberships(db: Queryable, slug: string): Promise<boolean> {
  return (await selectOrganization(db, '1', slug, { lock: true })) !== undefined;
}

export async function listMembers(db: Queryable, organization: string): Promise<MemberRecord[]> {
  const result = await db.query<MemberRow>(
    `${MEMBER_SELECT} where o.slug = $1 order by lower(u.email)`,
    [organization],
  );
  return result.rows.map(toMember);
}

/** The organization's admins whose accounts are enabled: who a member asks for a new role. */
export async function listActiveAdmins(
  db: Queryable,
  organization: string,
): Promise<Array<{ name: string; email: string }>> {
  const result = await db.query<{ name: string; email: string }>(
    `${MEMBER_SELECT} where o.slug = $1 and m.role = 'admin' and u.disabled_at is null
      order by lower(u.name), lower(u.email)`,
    [organization],
  );
  return result.rows.map((row) => ({ name: row.name, email: row.email }));
}

export async function findMember(
  db: Queryable,
  organization: string,
  userId: string,
): Promise<MemberRecord | undefined> {
  const result = await db.query<MemberRow>(`${MEMBER_SELECT} where o.slug = $1 and u.id = $2`, [
    organization,
    userId,
  ]);
  const row = result.rows[0];
  return row ? toMember(row) : undefined;
}

export async function countAdmins(db: Queryable, organization: string): Promise<number> {
  const result = await db.query<{ count: number }>(
    `select count(*)::int as count from memberships m join organizations o on o.id = m.organization_id
      where o.slug = $1 and m.role = 'admin'`,
    [organization],
  );
  return result.rows[0]?.count ?? 0;
}

/** Adds the membership; false when the user already belongs to the organization. */
export async function insertMembership(
  db: Queryable,
  membership: { organization: string; userId: string; role: Role },
): Promise<boolean> {
  const result = await db.query(
    `insert into memberships (user_id, organization_id, role)
     select $2, o.id, $3 from organizations o where o.slug = $1
     on conflict (user_id, organization_id) do nothing`,
    [membership.organization, membership.userId, membership.role],
  );
  return result.rowCount === 1;
}

export async function updateMembershipRole(
  db: Queryable,
  membership: { organization: string; userId: string; role: Role },
): Promise<void> {
  await db.query(
    `update memberships m set role = $3 from organizations o
      where o.id = m.organization_id and o.slug = $1 and m.user_id = $2`,
    [membership.organization, membership.userId, membership.role],
  );
}

export async function deleteMembership(
  db: Queryable,
  organization: string,
  userId: string,
): Promise<void> {
  await db.query(
    `delete from memberships m using organizations o
      where o.id = m.organization_id and o.slug = $1 and m.user_id = $2`,
    [organization, userId],
  );
}

/**
 * Creates a person with no password: they sign in through their organization's identity
 * provider, or the operator sets a password later. Returns the id of the user with this address,
 * whether just created or created a moment ago by someone else.
 */
export async function insertPasswordlessUser(
  db: Queryable,
  user: { email: string; name: string },
): Promise<{ id: string; created: boolean }> {
  const inserted = await db.query<{ id: string }>(
    `insert into users (email, name) values ($1, $2)
     on conflict ((lower(email))) do nothing returning id`,
    [user.email, user.name],
  );
  if (inserted.rows[0]) return { id: inserted.rows[0].id, created: true };
  const existing = await db.query<{ id: string }>(
    'select id from users where lower(email) = lower($1)',
    [user.email],
  );
  return { id: existing.rows[0]!.id, created: false };
}

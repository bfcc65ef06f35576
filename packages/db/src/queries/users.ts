import type { Membership } from '@liaison/core';
import type { Queryable } from '../queryable.js';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  operator: boolean;
  disabled: boolean;
}

const USER_COLUMNS = `id, email, name, password_hash as "passwordHash", is_operator as operator,
  disabled_at is not null as disabled`;

export async function findUserByEmail(
  db: Queryable,
  email: string,
): Promise<UserRecord | undefined> {
  const result = await db.query<UserRecord>(
    `select ${USER_COLUMNS} from users where lower(email) = lower($1)`,
    [email],
  );
  return result.rows[0];
}

export async function findUserById(db: Queryable, id: string): Promise<UserRecord | undefined> {
  const result = await db.query<UserRecord>(`select ${USER_COLUMNS} from users where id = $1`, [
    id,
  ]);
  return result.rows[0];
}

export async function listMemberships(db: Queryable, userId: string): Promise<Membership[]> {
  const result = await db.query<Membership>(
    `select o.slug as organization, m.role from memberships m
       join organizations o on o.id = m.organization_id
      where m.user_id = $1 order by o.slug`,
    [userId],
  );
  return result.rows;
}

/**
 * Creates a person who signs in with a password (only its hash is given). Undefined when the
 * address is already taken.
 */
export async function insertUserWithPassword(
  db: Queryable,
  user: { email: string; name: string; passwordHash: string },
): Promise<string | undefined> {
  const result = await db.query<{ id: string }>(
    `insert into users (email, name, password_hash) values ($1, $2, $3)
     on conflict ((lower(email))) do nothing returning id`,
    [user.email, user.name, user.passwordHash],
  );
  return result.rows[0]?.id;
}

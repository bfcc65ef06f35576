import type { Queryable } from '../queryable.js';

/**
 * How many reset links the account was sent since the time given (the mail rate limit). Locks the
 * account's row first, so parallel requests in their transactions count one after the other.
 */
export async function countPasswordResetsSince(
  db: Queryable,
  userId: string,
  since: Date,
): Promise<number> {
  await db.query('select 1 from users where id = $1 for update', [userId]);
  const result = await db.query<{ count: number }>(
    'select count(*)::int as count from password_resets where user_id = $1 and created_at > $2',
    [userId, since],
  );
  return result.rows[0]?.count ?? 0;
}

export async function insertPasswordReset(
  db: Queryable,
  reset: { userId: string; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await db.query(
    'insert into password_resets (user_id, token_hash, expires_at) values ($1, $2, $3)',
    [reset.userId, reset.tokenHash, reset.expiresAt],
  );
}

/**
 * Uses the reset link: marks it used, and every other open link of the account too, so an older
 * mail cannot change the password again. Returns the account, or undefined when the link is
 * unknown, used or expired. Concurrent uses queue on the row; only the first finds it open.
 */
export async function usePasswordReset(
  db: Queryable,
  tokenHash: string,
): Promise<{ userId: string } | undefined> {
  const used = await db.query<{ userId: string }>(
    `update password_resets set used_at = now()
      where token_hash = $1 and used_at is null and expires_at > now()
      returning user_id as "userId"`,
    [tokenHash],
  );
  const found = used.rows[0];
  if (!found) return undefined;
  await db.query(
    'update password_resets set used_at = now() where user_id = $1 and used_at is null',
    [found.userId],
  );
  return found;
}

/** Sets the account's password hash; false when there is no such account. */
export async function setUserPasswordHash(
  db: Queryable,
  userId: string,
  passwordHash: string,
): Promise<boolean> {
  const result = await db.query('update users set password_hash = $2 where id = $1', [
    userId,
    passwordHash,
  ]);
  return result.rowCount === 1;
}

export async function setUserName(db: Queryable, userId: string, name: string): Promise<boolean> {
  const result = await db.query('update users set name = $2 where id = $1', [userId, name]);
  return result.rowCount === 1;
}

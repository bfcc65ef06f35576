import type { Queryable } from '../queryable.js';

export async function insertOidcNonce(
  db: Queryable,
  nonce: string,
  ttlSeconds: number,
): Promise<void> {
  // Unused nonces only matter until they expire; keep the table small.
  await db.query('delete from oidc_nonces where expires_at < now()');
  await db.query(
    `insert into oidc_nonces (nonce, expires_at) values ($1, now() + make_interval(secs => $2))`,
    [nonce, ttlSeconds],
  );
}

/** Uses up an unexpired nonce; false when there is none (never issued, expired or used). */
export async function consumeOidcNonce(db: Queryable, nonce: string): Promise<boolean> {
  const result = await db.query(
    'delete from oidc_nonces where nonce = $1 and expires_at > now() returning nonce',
    [nonce],
  );
  return result.rowCount === 1;
}

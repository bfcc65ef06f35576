import type { Queryable } from '../queryable.js';

export interface ApiTokenRecord {
  id: string;
  userId: string;
  name: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
}

const COLUMNS = `id, user_id as "userId", name, created_at as "createdAt", expires_at as "expiresAt",
  last_used_at as "lastUsedAt"`;

export async function insertApiToken(
  db: Queryable,
  token: { userId: string; name: string; secretHash: string; expiresAt: Date },
): Promise<ApiTokenRecord> {
  const result = await db.query<ApiTokenRecord>(
    `insert into api_tokens (user_id, name, secret_hash, expires_at) values ($1, $2, $3, $4)
     returning ${COLUMNS}`,
    [token.userId, token.name, token.secretHash, token.expiresAt],
  );
  return result.rows[0]!;
}

/** The user's tokens that still work (not revoked, not expired), newest first. */
export async function listActiveApiTokens(
  db: Queryable,
  userId: string,
): Promise<ApiTokenRecord[]> {
  const result = await db.query<ApiTokenRecord>(
    `select ${COLUMNS} from api_tokens
      where user_id = $1 and revoked_at is null and expires_at > now()
      order by created_at desc`,
    [userId],
  );
  return result.rows;
}

/** Revokes one of the user's tokens; false when the user has no such active token. */
export async function revokeApiToken(
  db: Queryable,
  userId: string,
  tokenId: string,
): Promise<boolean> {
  const result = await db.query(
    `update api_tokens set revoked_at = now()
      where id = $1 and user_id = $2 and revoked_at is null`,
    [tokenId, userId],
  );
  return result.rowCount === 1;
}

import type { Queryable } from '../queryable.js';

/** Records a sign-in session; `organization` (a slug) scopes it to that organization. */
export async function insertSession(
  db: Queryable,
  session: { id: string; userId: string; organization: string | null; expiresAt: Date },
): Promise<void> {
  await db.query(
    `insert into sessions (id, user_id, organization_id, expires_at)
     values ($1, $2, (select id from organizations where slug = $3), $4)`,
    [session.id, session.userId, session.organization, session.expiresAt],
  );
}

/** Revokes one session of the user; false when it was not live. */
export async function revokeSession(
  db: Queryable,
  sessionId: string,
  userId: string,
): Promise<boolean> {
  const result = await db.query(
    `update sessions set revoked_at = now()
      where id = $1 and user_id = $2 and revoked_at is null`,
    [sessionId, userId],
  );
  return result.rowCount === 1;
}

/** Revokes the user's live sessions scoped to the organization; returns how many. */
export async function revokeOrganizationSessions(
  db: Queryable,
  userId: string,
  organization: string,
): Promise<number> {
  const result = await db.query(
    `update sessions set revoked_at = now()
      where user_id = $1 and revoked_at is null
        and organization_id = (select id from organizations where slug = $2)`,
    [userId, organization],
  );
  return result.rowCount ?? 0;
}

/** Revokes every live session of the user except `keep` (the caller's own, when given). */
export async function revokeOtherSessions(
  db: Queryable,
  userId: string,
  keep: string | null,
): Promise<number> {
  const result = await db.query(
    `update sessions set revoked_at = now()
      where user_id = $1 and revoked_at is null and ($2::uuid is null or id <> $2::uuid)`,
    [userId, keep],
  );
  return result.rowCount ?? 0;
}

import type { Membership } from '@liaison/core';
import type { Queryable } from '../queryable.js';

/** Whom a credential speaks for, with everything authentication needs to build the actor. */
export interface CallerRecord {
  id: string;
  email: string;
  operator: boolean;
  disabled: boolean;
  /** Every membership, ordered by organization. */
  memberships: Membership[];
}

// The user `u` with their memberships, so a request is authenticated in one round trip: the
// busiest calls (the document list) would otherwise spend more time waiting on these lookups
// than on their own query.
export const CALLER_COLUMNS = `u.id, u.email, u.is_operator as operator, u.disabled_at is not null as disabled,
  coalesce((select json_agg(json_build_object('organization', o.slug, 'role', m.role) order by o.slug)
              from memberships m join organizations o on o.id = m.organization_id
             where m.user_id = u.id), '[]') as memberships`;

/** The caller of a credential, and when the credential expires (to check it again without a query). */
export interface CredentialCallerRecord extends CallerRecord {
  expiresAt: Date;
}

/** The owner of a working personal API token, and when the token was last used. */
export interface ApiTokenCallerRecord extends CredentialCallerRecord {
  tokenId: string;
  lastUsedAt: Date | null;
}

/**
 * The owner of a working personal API token (not revoked, not expired) with this secret hash.
 * A read only: the request path writes nothing (see {@link touchApiToken}).
 */
export async function findApiTokenCaller(
  db: Queryable,
  secretHash: string,
): Promise<ApiTokenCallerRecord | undefined> {
  // Named, so each connection plans it once: it runs before nearly every signed-in request.
  const result = await db.query<ApiTokenCallerRecord>({
    name: 'find-api-token-caller',
    text: `select token.id as "tokenId", token.last_used_at as "lastUsedAt",
                  token.expires_at as "expiresAt", ${CALLER_COLUMNS}
             from api_tokens token join users u on u.id = token.user_id
            where token.secret_hash = $1 and token.revoked_at is null and token.expires_at > now()`,
    values: [secretHash],
  });
  return result.rows[0];
}

/** Records that the token was used now, to the minute: at most one write a minute per token. */
export async function touchApiToken(db: Queryable, tokenId: string): Promise<void> {
  await db.query(
    `update api_tokens set last_used_at = now()
      where id = $1 and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
    [tokenId],
  );
}

/**
 * The user of a live sign-in session (it exists, belongs to the user, and is neither revoked nor
 * expired); undefined when the session is not live.
 */
export async function findSessionCaller(
  db: Queryable,
  sessionId: string,
  userId: string,
): Promise<CredentialCallerRecord | undefined> {
  const result = await db.query<CredentialCallerRecord>({
    name: 'find-session-caller',
    text: `select s.expires_at as "expiresAt", ${CALLER_COLUMNS}
             from sessions s join users u on u.id = s.user_id
            where s.id = $1 and s.user_id = $2 and s.revoked_at is null and s.expires_at > now()`,
    values: [sessionId, userId],
  });
  return result.rows[0];
}

/** An enabled user with their memberships, by id (to decide what a mail may tell them). */
export async function findUserCaller(
  db: Queryable,
  userId: string,
): Promise<CallerRecord | undefined> {
  const result = await db.query<CallerRecord>(
    `select ${CALLER_COLUMNS} from users u where u.id = $1 and u.disabled_at is null`,
    [userId],
  );
  return result.rows[0];
}

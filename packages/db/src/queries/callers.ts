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
const CALLER_COLUMNS = `u.id, u.email, u.is_operator as operator, u.disabled_at is not null as disabled,
  coalesce((select json_agg(json_build_object('organization', o.slug, 'role', m.role) order by o.slug)
              from memberships m join organizations o on o.id = m.organization_id
             where m.user_id = u.id), '[]') as memberships`;

/**
 * The owner of a working personal API token (not revoked, not expired) with this secret hash;
 * its "last used" time is updated in the same statement, to the minute (a write per request
 * would be wasteful).
 */
export async function findApiTokenCaller(
  db: Queryable,
  secretHash: string,
): Promise<CallerRecord | undefined> {
  const result = await db.query<CallerRecord>(
    `with token as (
       select id, user_id from api_tokens
        where secret_hash = $1 and revoked_at is null and expires_at > now()),
     touched as (
       update api_tokens used set last_used_at = now() from token
        where used.id = token.id
          and (used.last_used_at is null or used.last_used_at < now() - interval '1 minute'))
     select ${CALLER_COLUMNS} from token join users u on u.id = token.user_id`,
    [secretHash],
  );
  return result.rows[0];
}

/**
 * The user of a live sign-in session (it exists, belongs to the user, and is neither revoked nor
 * expired); undefined when the session is not live.
 */
export async function findSessionCaller(
  db: Queryable,
  sessionId: string,
  userId: string,
): Promise<CallerRecord | undefined> {
  const result = await db.query<CallerRecord>(
    `select ${CALLER_COLUMNS} from sessions s join users u on u.id = s.user_id
      where s.id = $1 and s.user_id = $2 and s.revoked_at is null and s.expires_at > now()`,
    [sessionId, userId],
  );
  return result.rows[0];
}

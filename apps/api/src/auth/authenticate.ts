import { type Actor, ANONYMOUS, actorFromMemberships, UnauthenticatedError } from '@liaison/core';
import {
  type CallerRecord,
  findApiTokenCaller,
  findSessionCaller,
  type Pool,
  touchApiToken,
} from '@liaison/db';
import { verifyAccessToken } from './access-tokens.js';
import { API_TOKEN_PREFIX, hashApiTokenSecret } from './api-token-secrets.js';
import type { CallerCache } from './caller-cache.js';

const LAST_USED_PRECISION_MS = 60_000;

/** Who is calling, and the sign-in session their access token belongs to (null otherwise). */
export interface Caller {
  actor: Actor;
  sessionId: string | null;
}

/**
 * Who is calling. No Authorization header means anonymous; a header that is present must carry a
 * valid token (an access token or a personal API token), or the request is refused.
 *
 * An access token scoped to one organization (issued for a sign-in through that organization's
 * identity provider) carries that organization's membership and nothing else: the user's other
 * memberships and any operator rights are left out.
 *
 * An access token counts only while its sign-in session is live (not signed out, not revoked,
 * not expired). Either credential is checked, and its user and memberships read, in one query
 * (a token's "last used" time is written at most once a minute), kept in `callers` for the next
 * requests with the same credential: an access token's signature, expiry and scope are still
 * checked on each, and a cached credential's own expiry too. The database tells every process to
 * drop the cached callers at the commit of any change to what they are read from, so a revoked
 * token or session, a disabled account or a changed membership counts on the next request, on
 * every replica, once that notification has arrived (about a millisecond after the commit).
 */
export async function authenticate(
  pool: Pool,
  callers: CallerCache,
  authSecret: string,
  authorization: string | undefined,
): Promise<Caller> {
  if (authorization === undefined) return { actor: ANONYMOUS, sessionId: null };
  const match = /^Bearer ([A-Za-z0-9._~+/=-]{1,4096})$/.exec(authorization);
  if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"');
  const token = match[1]!;

  let caller: CallerRecord | undefined;
  let scope: string | undefined;
  let sessionId: string | null = null;
  if (token.startsWith(API_TOKEN_PREFIX)) {
    const secretHash = hashApiTokenSecret(token);
    const owner = await callers.caller(`api-token ${secretHash}`, () =>
      findApiTokenCaller(pool, secretHash),
    );
    if (!owner) throw new UnauthenticatedError('The API token is unknown, revoked or expired');
    // "Last used" to the minute: a write per request would cost more than the request itself.
    if (
      owner.lastUsedAt === null ||
      Date.now() - owner.lastUsedAt.getTime() > LAST_USED_PRECISION_MS
    ) {
      await touchApiToken(pool, owner.tokenId);
      // The cached record too, so the next minute's requests write nothing.
      owner.lastUsedAt = new Date();
    }
    caller = owner;
  } else {
    const claims = await verifyAccessToken(token, authSecret);
    caller = await callers.caller(`session ${claims.sessionId} ${claims.userId}`, () =>
      findSessionCaller(pool, claims.sessionId, claims.userId),
    );
    if (!caller) {
      throw new UnauthenticatedError('The session has ended; sign in again', 'session_ended');
    }
    scope = claims.organization;
    sessionId = claims.sessionId;
  }
  if (caller.disabled) throw new UnauthenticatedError('The account is unknown or disabled');
  return {
    actor: actorFromMemberships(caller, caller.memberships, scope),
    sessionId,
  };
}

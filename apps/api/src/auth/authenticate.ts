import { type Actor, ANONYMOUS, actorFromMemberships, UnauthenticatedError } from '@liaison/core';
import {
  findApiTokenOwner,
  findUserById,
  isSessionLive,
  listMemberships,
  type Pool,
} from '@liaison/db';
import { type AccessTokenSubject, verifyAccessToken } from './access-tokens.js';
import { API_TOKEN_PREFIX, hashApiTokenSecret } from './api-token-secrets.js';

/** Who is calling, and the sign-in session their access token belongs to (null otherwise). */
export interface Caller {
  actor: Actor;
  sessionId: string | null;
}

/**
 * Who is calling. No Authorization header means anonymous; a header that is present must carry a
 * valid token (an access token or a personal API token), or the request is refused. Memberships are
 * read fresh each time, so a removed membership takes effect at once.
 *
 * An access token scoped to one organization (issued for a sign-in through that organization's
 * identity provider) carries that organization's membership and nothing else: the user's other
 * memberships and any operator rights are left out.
 *
 * An access token counts only while its sign-in session is live (not signed out, not revoked,
 * not expired): one lookup by primary key per request.
 */
export async function authenticate(
  pool: Pool,
  authSecret: string,
  authorization: string | undefined,
): Promise<Caller> {
  if (authorization === undefined) return { actor: ANONYMOUS, sessionId: null };
  const match = /^Bearer ([A-Za-z0-9._~+/=-]{1,4096})$/.exec(authorization);
  if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"');
  const token = match[1]!;

  let subject: AccessTokenSubject;
  let sessionId: string | null = null;
  if (token.startsWith(API_TOKEN_PREFIX)) {
    const owner = await findApiTokenOwner(pool, hashApiTokenSecret(token));
    if (!owner) throw new UnauthenticatedError('The API token is unknown, revoked or expired');
    subject = { userId: owner.userId };
  } else {
    const claims = await verifyAccessToken(token, authSecret);
    if (!(await isSessionLive(pool, claims.sessionId, claims.userId))) {
      throw new UnauthenticatedError('The session has ended; sign in again', 'session_ended');
    }
    subject = claims;
    sessionId = claims.sessionId;
  }

  const user = await findUserById(pool, subject.userId);
  if (!user || user.disabled) throw new UnauthenticatedError('The account is unknown or disabled');
  const memberships = await listMemberships(pool, user.id);
  return {
    actor: actorFromMemberships(user, memberships, subject.organization),
    sessionId,
  };
}

import { randomUUID } from 'node:crypto';
import { insertSession, type Queryable } from '@liaison/db';
import { type AccessTokenSubject, signAccessToken } from '../../auth/access-tokens.js';

/**
 * Starts a sign-in session and answers its access token. The token names the session (its jti),
 * so signing out or leaving the organization it is scoped to ends it before it expires.
 */
export async function startSession(
  db: Queryable,
  subject: AccessTokenSubject,
  settings: { authSecret: string; accessTokenTtlSeconds: number },
): Promise<{ accessToken: string; expiresAt: Date }> {
  const sessionId = randomUUID();
  const expiresAt = new Date(Date.now() + settings.accessTokenTtlSeconds * 1000);
  await insertSession(db, {
    id: sessionId,
    userId: subject.userId,
    organization: subject.organization ?? null,
    expiresAt,
  });
  const accessToken = await signAccessToken(
    { ...subject, sessionId },
    settings.authSecret,
    expiresAt,
  );
  return { accessToken, expiresAt };
}

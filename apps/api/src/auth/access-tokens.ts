import { UnauthenticatedError } from '@liaison/core';
import { errors, jwtVerify, SignJWT } from 'jose';

const ISSUER = 'liaison';
const ALGORITHM = 'HS256';
/** The claim that limits a token to one organization (a sign-in through its identity provider). */
const ORGANIZATION_CLAIM = 'org';

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export interface AccessTokenSubject {
  userId: string;
  /** Set for a token scoped to one organization: it carries that membership and nothing else. */
  organization?: string;
}

/** What an access token says: who, its scope, and the sign-in session it belongs to (its jti). */
export interface AccessTokenClaims extends AccessTokenSubject {
  sessionId: string;
}

/** A short-lived signed token naming the user and its session; rights are read fresh on every request. */
export async function signAccessToken(
  claims: AccessTokenClaims,
  secret: string,
  expiresAt: Date,
): Promise<string> {
  const { userId, organization, sessionId } = claims;
  return new SignJWT(organization === undefined ? {} : { [ORGANIZATION_CLAIM]: organization })
    .setProtectedHeader({ alg: ALGORITHM })
    .setSubject(userId)
    .setJti(sessionId)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key(secret));
}

/**
 * What a validly signed, unexpired token says; UnauthenticatedError for anything else. Whether its
 * session is still live is for the caller to check.
 */
export async function verifyAccessToken(token: string, secret: string): Promise<AccessTokenClaims> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer: ISSUER,
      algorithms: [ALGORITHM],
    });
    if (typeof payload.sub !== 'string')
      throw new UnauthenticatedError('The access token names no user');
    // Tokens from before sessions existed have no jti: they cannot be revoked, so they do not count.
    if (typeof payload.jti !== 'string' || payload.jti === '')
      throw new UnauthenticatedError('The access token is not valid');
    const claims = { userId: payload.sub, sessionId: payload.jti };
    const organization = payload[ORGANIZATION_CLAIM];
    if (organization === undefined) return claims;
    if (typeof organization !== 'string' || organization === '')
      throw new UnauthenticatedError('The access token is not valid');
    return { ...claims, organization };
  } catch (error) {
    if (error instanceof UnauthenticatedError) throw error;
    if (error instanceof errors.JWTExpired)
      throw new UnauthenticatedError('The access token has expired');
    throw new UnauthenticatedError('The access token is not valid');
  }
}

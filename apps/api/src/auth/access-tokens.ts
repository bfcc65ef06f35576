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

/** A short-lived signed token naming the user; rights are read fresh on every request. */
export async function issueAccessToken(
  subject: string | AccessTokenSubject,
  secret: string,
  ttlSeconds: number,
) {
  const { userId, organization } =
    typeof subject === 'string' ? { userId: subject, organization: undefined } : subject;
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  const accessToken = await new SignJWT(
    organization === undefined ? {} : { [ORGANIZATION_CLAIM]: organization },
  )
    .setProtectedHeader({ alg: ALGORITHM })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key(secret));
  return { accessToken, expiresAt };
}

/** Who a valid token names (and its scope); UnauthenticatedError for anything else. */
export async function verifyAccessToken(
  token: string,
  secret: string,
): Promise<AccessTokenSubject> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer: ISSUER,
      algorithms: [ALGORITHM],
    });
    if (typeof payload.sub !== 'string')
      throw new UnauthenticatedError('The access token names no user');
    const organization = payload[ORGANIZATION_CLAIM];
    if (organization === undefined) return { userId: payload.sub };
    if (typeof organization !== 'string' || organization === '')
      throw new UnauthenticatedError('The access token is not valid');
    return { userId: payload.sub, organization };
  } catch (error) {
    if (error instanceof UnauthenticatedError) throw error;
    if (error instanceof errors.JWTExpired)
      throw new UnauthenticatedError('The access token has expired');
    throw new UnauthenticatedError('The access token is not valid');
  }
}

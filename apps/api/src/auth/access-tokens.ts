import { UnauthenticatedError } from '@liaison/core';
import { errors, jwtVerify, SignJWT } from 'jose';

const ISSUER = 'liaison';
const ALGORITHM = 'HS256';

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** A short-lived signed token naming the user; rights are read fresh on every request. */
export async function issueAccessToken(userId: string, secret: string, ttlSeconds: number) {
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  const accessToken = await new SignJWT({})
    .setProtectedHeader({ alg: ALGORITHM })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key(secret));
  return { accessToken, expiresAt };
}

/** The user id in a valid token; UnauthenticatedError for anything else. */
export async function verifyAccessToken(token: string, secret: string): Promise<string> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer: ISSUER,
      algorithms: [ALGORITHM],
    });
    if (typeof payload.sub !== 'string')
      throw new UnauthenticatedError('The access token names no user');
    return payload.sub;
  } catch (error) {
    if (error instanceof UnauthenticatedError) throw error;
    if (error instanceof errors.JWTExpired)
      throw new UnauthenticatedError('The access token has expired');
    throw new UnauthenticatedError('The access token is not valid');
  }
}

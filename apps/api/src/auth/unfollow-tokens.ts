import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token of a mail's one-click unfollow link: the follow's id and an HMAC of it under a key
 * derived from AUTH_SECRET for this purpose alone, so it cannot be taken for, or made from, any
 * other signed value. It names one follow and does nothing else; it works without signing in.
 */
const PURPOSE = 'liaison unfollow link v1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signature(followId: string, secret: string): Buffer {
  const key = createHmac('sha256', secret).update(PURPOSE).digest();
  return createHmac('sha256', key).update(followId).digest();
}

export function signUnfollowToken(followId: string, secret: string): string {
  return `${followId}.${signature(followId, secret).toString('base64url')}`;
}

/** The follow the token names, or undefined for a malformed or forged token. */
export function verifyUnfollowToken(token: string, secret: string): string | undefined {
  const [followId, mac, ...rest] = token.split('.');
  if (!followId || !mac || rest.length > 0 || !UUID.test(followId)) return undefined;
  const given = Buffer.from(mac, 'base64url');
  const expected = signature(followId, secret);
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? followId
    : undefined;
}

/** The portal page the link opens (apps/web/app/unfollow). */
export function unfollowPath(followId: string, secret: string): string {
  return `/unfollow/${signUnfollowToken(followId, secret)}`;
}

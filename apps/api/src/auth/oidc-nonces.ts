import { createHash, randomBytes } from 'node:crypto';

/**
 * A sign-in's nonce is the SHA-256 of a random handle: the identity provider puts the nonce in
 * the ID token (where anyone holding the token can read it), while only the web app that started
 * the sign-in holds the handle, and the exchange needs both.
 */

export function newNonceHandle(): string {
  return randomBytes(32).toString('base64url');
}

export function nonceOfHandle(handle: string): string {
  return createHash('sha256').update(handle).digest('base64url');
}

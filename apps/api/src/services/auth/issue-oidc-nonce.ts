import { insertOidcNonce, type Pool } from '@liaison/db';
import { newNonceHandle, nonceOfHandle } from '../../auth/oidc-nonces.js';

/** How long a sign-in at the identity provider may take, from the nonce to the exchange. */
const NONCE_TTL_SECONDS = 10 * 60;

/** Starts a single sign-on: a single-use nonce for the authorization request, and its handle. */
export async function issueOidcNonce(pool: Pool) {
  const nonceHandle = newNonceHandle();
  const nonce = nonceOfHandle(nonceHandle);
  await insertOidcNonce(pool, nonce, NONCE_TTL_SECONDS);
  return {
    nonce,
    nonceHandle,
    expiresAt: new Date(Date.now() + NONCE_TTL_SECONDS * 1000).toISOString(),
  };
}

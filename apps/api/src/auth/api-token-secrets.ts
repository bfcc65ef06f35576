import { createHash, randomBytes } from 'node:crypto';

/** Personal API tokens are recognisable by this prefix (and by secret scanners). */
export const API_TOKEN_PREFIX = 'lia_';

export function generateApiTokenSecret(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** The secrets are long and random, so a fast hash is enough; only the hash is stored. */
export function hashApiTokenSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

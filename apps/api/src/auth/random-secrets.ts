import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: a secret nobody guesses (API tokens, invitation links). */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The secrets are long and random, so a fast hash is enough; only the hash is stored. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

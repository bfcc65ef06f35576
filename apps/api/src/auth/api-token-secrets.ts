import { hashSecret, randomSecret } from './random-secrets.js';

/** Personal API tokens are recognisable by this prefix (and by secret scanners). */
export const API_TOKEN_PREFIX = 'lia_';

export function generateApiTokenSecret(): string {
  return `${API_TOKEN_PREFIX}${randomSecret()}`;
}

export const hashApiTokenSecret = hashSecret;

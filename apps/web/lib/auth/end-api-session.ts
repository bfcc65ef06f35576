import { apiBaseUrl } from '../api';

const API_TIMEOUT_MS = 10_000;

/**
 * Ends the API session behind a web session being signed out of, so its access token stops working
 * at once rather than at its expiry. Best effort: the session cookie is cleared either way.
 */
export async function endApiSession(accessToken: unknown): Promise<void> {
  if (typeof accessToken !== 'string' || accessToken === '') return;
  try {
    await fetch(`${apiBaseUrl()}/api/v1/auth/sign-out`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      cache: 'no-store',
      signal: AbortSignal.timeout(API_TIMEOUT_MS),
    });
  } catch {
    // The API is unreachable: the token still ends at its expiry.
  }
}

import { callApi } from '../api';

/**
 * Each single sign-on is bound to a nonce the API issues (POST /api/v1/auth/oidc/nonce): the
 * authorization request carries the nonce, the identity provider signs it into the ID token, and
 * the exchange at the API needs the nonce's secret handle. The handle waits for the person's
 * return in an HttpOnly cookie that only the callback route receives, so an ID token that leaks
 * on its own (browser history, logs) is worthless, and each one works once.
 */
export interface SsoNonce {
  nonce: string;
  nonceHandle: string;
}

const COOKIE = 'liaison.sso-nonce';
const COOKIE_PATH = '/api/auth/callback';
const MAX_AGE_SECONDS = 10 * 60;
const VALUE = /^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/;

function cookieName(secure: boolean): string {
  return secure ? `__Secure-${COOKIE}` : COOKIE;
}

/** A new nonce from the API, or null when the API cannot give one. */
export async function issueSsoNonce(): Promise<SsoNonce | null> {
  const answer = await callApi<SsoNonce>('/api/v1/auth/oidc/nonce', {
    method: 'POST',
    token: null,
  });
  return answer.ok ? { nonce: answer.data.nonce, nonceHandle: answer.data.nonceHandle } : null;
}

/** The Set-Cookie header that keeps the nonce for the callback. */
export function ssoNonceCookie(nonce: SsoNonce, secure: boolean): string {
  return [
    `${cookieName(secure)}=${nonce.nonce}.${nonce.nonceHandle}`,
    `Path=${COOKIE_PATH}`,
    `Max-Age=${MAX_AGE_SECONDS}`,
    'HttpOnly',
    // Sent on the identity provider's top-level redirect back, never on cross-site subrequests.
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** The Set-Cookie header that removes it: a nonce serves one callback. */
export function clearedSsoNonceCookie(secure: boolean): string {
  return [
    `${cookieName(secure)}=`,
    `Path=${COOKIE_PATH}`,
    'Max-Age=0',
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** The nonce kept for this callback, if the cookie holds a well-formed one. */
export function readSsoNonce(
  cookies: { get(name: string): { value: string } | undefined },
  secure: boolean,
): SsoNonce | undefined {
  const match = VALUE.exec(cookies.get(cookieName(secure))?.value ?? '');
  return match ? { nonce: match[1]!, nonceHandle: match[2]! } : undefined;
}

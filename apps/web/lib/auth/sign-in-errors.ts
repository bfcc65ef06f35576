/**
 * Codes the sign-in flow puts in `?error=`, and what the login page says for each. Each message
 * says what happened and what to do, and reveals nothing else (which accounts exist, which
 * organizations someone belongs to).
 */
export const SIGN_IN_ERRORS = {
  CredentialsSignin: 'Wrong e-mail address or password.',
  'rate-limited': 'Too many failed sign-ins. Wait a quarter of an hour and try again.',
  'not-member': 'This account is not a member of that organization in Liaison.',
  'not-operator':
    'This account is not the portal operator. Sign in through your organization instead.',
  disabled: 'This account is disabled. Ask your organization’s Liaison admin.',
  'password-disabled':
    'This organization does not allow signing in with a password. Use its single sign-on.',
  'unknown-organization': 'There is no such organization in Liaison.',
  'api-unavailable': 'Liaison cannot be reached right now. Try again in a moment.',
  expired: 'Your session has expired. Please sign in again.',
  csrf: 'The sign-in form had expired. Please try again.',
  OAuthSignin: 'Single sign-on could not start. Try again or use your password.',
  OAuthCallback: 'Single sign-on failed at your identity provider. Try again or use your password.',
  Callback: 'Single sign-on failed. Try again or use your password.',
  OAuthAccountNotLinked: 'Single sign-on failed. Try again or use your password.',
  AccessDenied: 'Sign-in was refused.',
  access_denied: 'Sign-in was cancelled at your identity provider.',
  'sso-not-member':
    'Your identity provider account is not a member of this organization in Liaison.',
  'sso-not-configured': 'This organization has no single sign-on in Liaison.',
  'sso-email':
    'Your identity provider did not give Liaison a verified e-mail address, so Liaison cannot tell who you are.',
  'sso-failed':
    'Liaison could not verify the answer of your identity provider. Try again, or ask your organization’s Liaison admin.',
  'sso-unavailable': 'Your organization’s identity provider cannot be reached. Try again later.',
  'sso-again': 'This single sign-on has expired or was already used. Please sign in again.',
} as const;

export type SignInError = keyof typeof SIGN_IN_ERRORS;

export function signInErrorMessage(code: string | undefined): string | undefined {
  if (!code) return undefined;
  return Object.hasOwn(SIGN_IN_ERRORS, code)
    ? SIGN_IN_ERRORS[code as SignInError]
    : 'Sign-in failed. Please try again.';
}

/** The login page's code for an error answer of POST /api/v1/auth/oidc. */
export function ssoErrorCode(status: number, apiCode: string | undefined): SignInError {
  switch (apiCode) {
    case 'sso_not_member':
      return 'sso-not-member';
    case 'account_disabled':
      return 'disabled';
    case 'sso_email_missing':
    case 'sso_email_unverified':
      return 'sso-email';
    case 'sso_not_configured':
      return 'sso-not-configured';
    case 'sso_token_invalid':
      return 'sso-failed';
    case 'sso_nonce_invalid':
      return 'sso-again';
    default:
      return status === 503 ? 'sso-unavailable' : 'api-unavailable';
  }
}

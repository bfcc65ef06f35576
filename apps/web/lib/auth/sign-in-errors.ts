/** Codes the sign-in flow puts in `?error=`, and what the login page says for each. */
export const SIGN_IN_ERRORS = {
  CredentialsSignin: 'Wrong e-mail address or password.',
  'rate-limited': 'Too many failed sign-ins. Wait a quarter of an hour and try again.',
  'not-member': 'This account is not a member of that organization in Liaison.',
  disabled: 'This account is disabled. Ask your organization’s Liaison admin.',
  'api-unavailable': 'Liaison cannot be reached right now. Try again in a moment.',
  expired: 'Your session has expired. Please sign in again.',
  OAuthSignin: 'Single sign-on could not start. Try again or use your password.',
  OAuthCallback: 'Single sign-on failed at your identity provider. Try again or use your password.',
  Callback: 'Single sign-on failed. Try again or use your password.',
  'sso-not-member':
    'Your identity provider account is not a member of this organization in Liaison.',
} as const;

export type SignInError = keyof typeof SIGN_IN_ERRORS;

export function signInErrorMessage(code: string | undefined): string | undefined {
  if (!code) return undefined;
  return (SIGN_IN_ERRORS as Record<string, string>)[code] ?? 'Sign-in failed. Please try again.';
}

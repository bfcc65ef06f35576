import type { Metadata } from 'next';
import { csrfToken } from '../../../lib/auth/csrf';
import { OPERATOR_LOGIN } from '../../../lib/auth/options';
import { PasswordPanel, readLoginQuery, type SearchParams, SignInPage } from '../login-parts';

export const metadata: Metadata = { title: 'Sign in · Portal operator' };
export const dynamic = 'force-dynamic';

/** The portal operator signs in with a password, outside any organization. */
export default async function OperatorLoginPage({ searchParams }: { searchParams: SearchParams }) {
  const { error, callbackUrl } = await readLoginQuery(searchParams);
  const token = await csrfToken();
  return (
    <SignInPage title="Portal operator" lead="For whoever runs this Liaison portal." error={error}>
      <PasswordPanel
        organization={OPERATOR_LOGIN}
        callbackUrl={callbackUrl}
        csrfToken={token}
        hasError={error !== undefined}
      />
    </SignInPage>
  );
}

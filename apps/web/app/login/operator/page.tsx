import type { Metadata } from 'next';
import { csrfToken } from '../../../lib/auth/csrf';
import { OPERATOR_LOGIN } from '../../../lib/auth/options';
import styles from '../login.module.css';
import {
  ChooseAnother,
  callbackPath,
  first,
  LoginError,
  PasswordPanel,
  type SearchParams,
} from '../login-parts';

export const metadata: Metadata = { title: 'Sign in · Portal operator' };
export const dynamic = 'force-dynamic';

/** The portal operator signs in with a password, outside any organization. */
export default async function OperatorLoginPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const error = first(query.error);
  const callbackUrl = await callbackPath(first(query.callbackUrl));
  const token = await csrfToken();
  return (
    <div className={styles.page}>
      <div className={styles.intro}>
        <p className={styles.eyebrow}>Sign in</p>
        <h1>Portal operator</h1>
        <p className="lead">For whoever runs this Liaison portal.</p>
      </div>
      <LoginError code={error} />
      <PasswordPanel
        organization={OPERATOR_LOGIN}
        callbackUrl={callbackUrl}
        csrfToken={token}
        hasError={error !== undefined}
      />
      <ChooseAnother />
    </div>
  );
}

import { isLinkToken } from '@liaison/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { PasswordResetForm } from '../../../components/account/account-forms';
import styles from '../../login/login.module.css';
import { resetPassword } from '../actions';

export const metadata: Metadata = { title: 'Choose a new password' };

/** The page a reset mail links to; the API decides whether the link still works. */
export default async function PasswordResetPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  return (
    <div className={styles.page}>
      <div className={styles.intro}>
        <h1>Choose a new password</h1>
      </div>
      <section className={styles.panel}>
        {isLinkToken(token) ? (
          <PasswordResetForm action={resetPassword} token={token} />
        ) : (
          <div className="notice notice--error" role="alert">
            <p>
              This link is not complete. Open it from the mail again, or{' '}
              <Link href="/password-reset">ask for a new one</Link>.
            </p>
          </div>
        )}
      </section>
    </div>
  );
}

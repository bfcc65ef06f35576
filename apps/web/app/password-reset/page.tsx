import type { Metadata } from 'next';
import Link from 'next/link';
import { PasswordResetRequestForm } from '../../components/account/account-forms';
import styles from '../login/login.module.css';
import { requestPasswordReset } from './actions';

export const metadata: Metadata = { title: 'Forgot your password?' };

export default function PasswordResetRequestPage() {
  return (
    <div className={styles.page}>
      <div className={styles.intro}>
        <h1>Forgot your password?</h1>
        <p className="lead">
          Give the address you sign in with; we mail it a link to choose a new password.
        </p>
      </div>
      <section className={styles.panel}>
        <PasswordResetRequestForm action={requestPasswordReset} />
      </section>
      <p className={styles.another}>
        <Link href="/login">Back to sign in</Link>
      </p>
    </div>
  );
}

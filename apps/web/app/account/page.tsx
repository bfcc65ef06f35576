import type { Metadata } from 'next';
import Link from 'next/link';
import { PasswordChangeForm, ProfileForm } from '../../components/account/account-forms';
import { FollowingList } from '../../components/account/following-list';
import styles from '../../components/admin/admin.module.css';
import { AdminPageHead } from '../../components/admin/admin-page-head';
import { loadFollows } from '../../lib/follows';
import { requireViewer } from '../../lib/session';
import { changePassword, saveProfile } from './actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Your account' };

/** The signed-in person's own page: name, password, and where to choose their mail. */
export default async function AccountPage() {
  const viewer = await requireViewer('/account');
  const follows = await loadFollows(true);
  return (
    <>
      <AdminPageHead title="Your account">
        Signed in as {viewer.email}. Mail settings are under{' '}
        <Link href="/account/notifications">Notifications</Link>.
      </AdminPageHead>
      <section className={styles.section}>
        <ProfileForm action={saveProfile} name={viewer.name} />
      </section>
      <section className={styles.section} aria-labelledby="following-title">
        <FollowingList follows={follows} />
      </section>
      {viewer.method === 'password' ? (
        <section className={styles.section}>
          <PasswordChangeForm action={changePassword} />
        </section>
      ) : (
        <section className={styles.section} aria-labelledby="password-title">
          <h2 id="password-title">Password</h2>
          <p>
            You signed in through your organization’s single sign-on: your password is kept there,
            not in Liaison.
          </p>
        </section>
      )}
    </>
  );
}

import Link from 'next/link';
import { csrfToken } from '../lib/auth/csrf';
import { CsrfForm } from '../lib/auth/csrf-form';
import { findSignInOrganization } from '../lib/auth/organizations';
import { getViewer, sessionExpired } from '../lib/session';
import styles from './user-menu.module.css';

/**
 * The header's account corner (a server component): "Sign in" for visitors; for a signed-in
 * person their name, the organization they signed in through (or "Portal operator"), and a
 * "Sign out" button that posts to next-auth with its CSRF token (no JavaScript needed).
 */
export async function UserMenu() {
  const viewer = await getViewer();
  if (!viewer) {
    const expired = await sessionExpired();
    return (
      <div className={styles.menu}>
        {expired && <span className={styles.note}>Your session has expired.</span>}
        <Link className={styles.signIn} href={expired ? '/login?error=expired' : '/login'}>
          {expired ? 'Sign in again' : 'Sign in'}
        </Link>
      </div>
    );
  }

  let through: string | null = null;
  if (viewer.organization) {
    const organization = await findSignInOrganization(viewer.organization);
    const name = organization?.name ?? viewer.organization;
    through = viewer.method === 'sso' ? `${name} (single sign-on)` : name;
  } else if (viewer.operator) {
    through = 'Portal operator';
  }

  return (
    <div className={styles.menu}>
      <p className={styles.who}>
        <span className="visually-hidden">Signed in as </span>
        <span className={styles.name} title={viewer.name}>
          {viewer.name}
        </span>
        {through && (
          <span className={styles.through} title={through}>
            <span className="visually-hidden">, through </span>
            {through}
          </span>
        )}
      </p>
      <Link className={styles.signIn} href="/account">
        Account
      </Link>
      <CsrfForm action="/api/auth/signout" csrfToken={await csrfToken()} className={styles.form}>
        <input type="hidden" name="callbackUrl" defaultValue="/" />
        <button type="submit" className={styles.signOut}>
          Sign out
        </button>
      </CsrfForm>
    </div>
  );
}

export default UserMenu;

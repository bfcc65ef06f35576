import { ORGANIZATION_NAME_MAX_LENGTH } from '@liaison/core';
import type { Metadata } from 'next';
import {
  offersSso,
  type SignInOrganization,
  signInOrganizations,
} from '../../lib/auth/organizations';
import styles from './login.module.css';
import { LoginError, readLoginQuery, type SearchParams } from './login-parts';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

function waysIn(organization: SignInOrganization): string {
  const ways = [
    ...(organization.signIn.password ? ['e-mail and password'] : []),
    ...(offersSso(organization) ? ['single sign-on'] : []),
  ];
  if (ways.length === 0) return 'No sign-in configured';
  const text = ways.join(' or ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Sign-in starts from the organization: pick it from the list (or type its name), and its own
 * login page shows its ways in. The links and the form go through next-auth's sign-in endpoint,
 * which sets the CSRF cookie the next page's forms need, then redirects there.
 */
export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const { error, callbackUrl } = await readLoginQuery(searchParams);
  const organizations = await signInOrganizations();
  const signInHref = (params: Record<string, string>) =>
    `/api/auth/signin?${new URLSearchParams({ ...params, callbackUrl }).toString()}`;

  return (
    <div className={styles.page}>
      <div className={styles.intro}>
        <h1>Sign in to Liaison</h1>
        <p className="lead">Start with your organization: it decides how you sign in.</p>
      </div>

      <LoginError code={error} />

      <section className={styles.panel} aria-labelledby="organizations-title">
        <h2 id="organizations-title" className={styles.panelTitle}>
          Your organization
        </h2>
        {organizations === null ? (
          <p className="notice notice--error">
            The list of organizations cannot be shown right now: Liaison’s API does not answer. You
            can still type your organization below, or try again in a moment.
          </p>
        ) : organizations.length === 0 ? (
          <p className="muted">There are no organizations in Liaison yet.</p>
        ) : (
          <ul className={styles.organizations}>
            {organizations.map((organization) => (
              <li key={organization.slug}>
                <a
                  className={styles.organization}
                  href={signInHref({ organization: organization.slug })}
                >
                  <span className={styles.organizationName}>{organization.name}</span>
                  <span className="visually-hidden">: </span>
                  <span className={styles.organizationWays}>{waysIn(organization)}</span>
                </a>
              </li>
            ))}
          </ul>
        )}

        <form method="get" action="/api/auth/signin" className={styles.typeForm}>
          <input type="hidden" name="callbackUrl" defaultValue={callbackUrl} />
          <div className="field">
            <label htmlFor="organization">Or type its name or identifier</label>
            <input
              id="organization"
              name="organization"
              type="text"
              list="organization-names"
              autoComplete="organization"
              required
              maxLength={ORGANIZATION_NAME_MAX_LENGTH}
            />
            <datalist id="organization-names">
              {(organizations ?? []).map((organization) => (
                <option key={organization.slug} value={organization.name} />
              ))}
            </datalist>
          </div>
          <button type="submit" className="button button--secondary">
            Continue
          </button>
        </form>
      </section>

      <p className={styles.operator}>
        Running this portal? <a href={signInHref({ operator: '1' })}>Portal operator sign-in</a>
      </p>
    </div>
  );
}

import { isSlug } from '@liaison/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { csrfToken } from '../../../lib/auth/csrf';
import { CsrfForm } from '../../../lib/auth/csrf-form';
import { SSO_PROVIDER_PREFIX } from '../../../lib/auth/options';
import { offersSso, signInOrganizations } from '../../../lib/auth/organizations';
import styles from '../login.module.css';
import {
  ChooseAnother,
  PasswordPanel,
  readLoginQuery,
  type SearchParams,
  SignInPage,
} from '../login-parts';

export const dynamic = 'force-dynamic';

type Params = Promise<{ org: string }>;

async function organizationFor(slug: string) {
  const organizations = await signInOrganizations();
  if (organizations === null) return null;
  return isSlug(slug)
    ? organizations.find((organization) => organization.slug === slug)
    : undefined;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const organization = await organizationFor((await params).org);
  return { title: organization ? `Sign in · ${organization.name}` : 'Sign in' };
}

/** One organization's ways in: its password form and/or its single sign-on. */
export default async function OrganizationLoginPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const { org } = await params;
  const { error, callbackUrl } = await readLoginQuery(searchParams);
  const organization = await organizationFor(org);

  if (organization === null) {
    return (
      <div className={styles.page}>
        <h1>Sign in</h1>
        <div className="notice notice--error" role="alert">
          <p>Liaison cannot be reached right now. Try again in a moment.</p>
        </div>
        <ChooseAnother />
      </div>
    );
  }

  if (organization === undefined) {
    const shown = org.length > 80 ? `${org.slice(0, 80)}…` : org;
    return (
      <div className={styles.page}>
        <h1>Unknown organization</h1>
        <div className="notice notice--error" role="alert">
          <p>There is no organization ‘{shown}’ in Liaison.</p>
        </div>
        <p>
          <Link href="/login">Choose your organization from the list</Link>
        </p>
      </div>
    );
  }

  const token = await csrfToken();
  const password = organization.signIn.password;
  const sso = offersSso(organization);

  return (
    <SignInPage title={organization.name} error={error}>
      {sso && (
        <section className={styles.panel} aria-labelledby="sso-title">
          <h2 id="sso-title" className={styles.panelTitle}>
            Single sign-on
          </h2>
          <p className="muted">With your {organization.name} account, at its identity provider.</p>
          <CsrfForm
            action={`/api/auth/signin/${SSO_PROVIDER_PREFIX}${organization.slug}`}
            csrfToken={token}
            aria-labelledby="sso-title"
          >
            <input type="hidden" name="callbackUrl" defaultValue={callbackUrl} />
            <button type="submit" className="button button--block">
              Sign in with {organization.name} single sign-on
            </button>
          </CsrfForm>
        </section>
      )}

      {sso && password && (
        <p className={styles.or} aria-hidden="true">
          or
        </p>
      )}

      {password && (
        <PasswordPanel
          organization={organization.slug}
          callbackUrl={callbackUrl}
          csrfToken={token}
          hasError={error !== undefined}
        />
      )}

      {!password && !sso && (
        <div className="notice notice--info">
          <p>
            {organization.name} has no way to sign in to Liaison yet. Ask the portal operator to set
            up its single sign-on.
          </p>
        </div>
      )}
    </SignInPage>
  );
}

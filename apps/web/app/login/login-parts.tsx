import { PASSWORD_MAX_LENGTH } from '@liaison/core';
import { cookies, headers } from 'next/headers';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { RememberedEmail } from '../../components/account/remembered-email';
import { CsrfForm } from '../../lib/auth/csrf-form';
import { safeCallbackPath } from '../../lib/auth/login-redirects';
import { signInErrorMessage } from '../../lib/auth/sign-in-errors';
import { siteOrigin } from '../../lib/auth/site-origin';
import type { QueryPageProps } from '../../lib/page-props';
import styles from './login.module.css';

/** Shared pieces of the login pages (server components). */

export type SearchParams = QueryPageProps['searchParams'];

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const CALLBACK_URL_COOKIES = ['__Secure-next-auth.callback-url', 'next-auth.callback-url'];

/**
 * Where to go after signing in: the `callbackUrl` asked for, else the one next-auth remembered in
 * its cookie (after a failed single sign-on), else the home page. Paths on this site only.
 */
async function callbackPath(requested: string | undefined): Promise<string> {
  const origin = siteOrigin(await headers());
  const fromQuery = safeCallbackPath(requested, origin);
  if (fromQuery) return fromQuery;
  const jar = await cookies();
  const remembered = CALLBACK_URL_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  return safeCallbackPath(remembered, origin) ?? '/';
}

/** What a login page reads from its query: the last attempt's error and where to go after. */
export async function readLoginQuery(
  searchParams: SearchParams,
): Promise<{ error: string | undefined; callbackUrl: string }> {
  const query = await searchParams;
  return { error: first(query.error), callbackUrl: await callbackPath(first(query.callbackUrl)) };
}

export const ERROR_ID = 'login-error';

/** The reason the last attempt failed, announced to screen readers. */
export function LoginError({ code }: { code: string | undefined }) {
  const message = signInErrorMessage(code);
  if (!message) return null;
  return (
    <div id={ERROR_ID} className={`notice notice--error ${styles.error}`} role="alert">
      <p>{message}</p>
    </div>
  );
}

/** The panel of e-mail and password, posted to next-auth's Credentials provider. */
export function PasswordPanel({
  organization,
  callbackUrl,
  csrfToken,
  hasError,
}: {
  /** The organization's slug; '' on the portal operator's page. */
  organization: string;
  callbackUrl: string;
  csrfToken: string;
  hasError: boolean;
}) {
  const describedBy = hasError ? ERROR_ID : undefined;
  return (
    <section className={styles.panel} aria-labelledby="password-title">
      <h2 id="password-title" className={styles.panelTitle}>
        E-mail and password
      </h2>
      <CsrfForm
        action="/api/auth/callback/credentials"
        csrfToken={csrfToken}
        className={`form ${styles.form}`}
        aria-labelledby="password-title"
      >
        <input type="hidden" name="organization" defaultValue={organization} />
        <input type="hidden" name="callbackUrl" defaultValue={callbackUrl} />
        <div className="field">
          <label htmlFor="email">E-mail address</label>
          <RememberedEmail describedBy={describedBy} refill={hasError} />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={PASSWORD_MAX_LENGTH}
            aria-describedby={describedBy}
          />
        </div>
        <button type="submit" className="button button--block">
          Sign in
        </button>
        <p className={styles.forgot}>
          <Link href="/password-reset">Forgot your password?</Link>
        </p>
      </CsrfForm>
    </section>
  );
}

export function ChooseAnother() {
  return (
    <p className={styles.another}>
      <Link href="/login">Choose another organization</Link>
    </p>
  );
}

/**
 * The login page of one way in (an organization's, the portal operator's): "Sign in" over whose
 * it is, the last attempt's error, its ways in, and the way back to the list of organizations.
 */
export function SignInPage({
  title,
  lead,
  error,
  children,
}: {
  title: string;
  lead?: string;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={styles.page}>
      <div className={styles.intro}>
        <p className={styles.eyebrow}>Sign in</p>
        <h1>{title}</h1>
        {lead && <p className="lead">{lead}</p>}
      </div>
      <LoginError code={error} />
      {children}
      <ChooseAnother />
    </div>
  );
}

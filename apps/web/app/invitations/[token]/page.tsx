import { LINK_TOKEN_PATTERN } from '@liaison/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '../../../components/admin/admin.module.css';
import { AdminPageHead } from '../../../components/admin/admin-page-head';
import {
  AcceptInvitationForm,
  CreateAccountForm,
} from '../../../components/invitations/accept-invitation-forms';
import { ShortDate } from '../../../components/register/dates';
import { fromApi } from '../../../lib/api';
import { roleArticle } from '../../../lib/format';
import { getViewer, signInPath } from '../../../lib/session';
import { acceptAsMember, acceptWithNewAccount } from '../actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Invitation', referrer: 'no-referrer' };

const TOKEN = new RegExp(LINK_TOKEN_PATTERN);

/**
 * Where an invitation link leads. Anyone holding the link sees what it offers (the token is the
 * credential); the invited account accepts signed in, an address new to Liaison creates its
 * account here. The API enforces all of it.
 */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, viewer] = await Promise.all([
    TOKEN.test(token)
      ? fromApi((client) => client.getInvitation(token), { token: null })
      : undefined,
    getViewer(),
  ]);

  if (!invitation?.ok) {
    const unavailable = invitation && invitation.error.status !== 404;
    return (
      <>
        <h1>Invitation</h1>
        <div className={unavailable ? 'notice notice--error' : styles.info} role="status">
          <p>
            {unavailable
              ? 'This invitation cannot be shown right now: Liaison’s API does not answer. Try again in a moment.'
              : 'This invitation link no longer works: it may have expired, been revoked or been used already. Ask an admin of the organization for a new one.'}
          </p>
        </div>
      </>
    );
  }

  const { organization, role, email, expiresAt, accountExists } = invitation.data;
  const signedInAsInvited = viewer !== null && viewer.email.toLowerCase() === email.toLowerCase();
  const here = `/invitations/${token}`;

  return (
    <>
      <AdminPageHead title={`Join ${organization.name}`}>
        You are invited to join {organization.name} in Liaison as {roleArticle(role)}{' '}
        <strong>{role}</strong>, with the address <span className={styles.mono}>{email}</span>. The
        invitation is valid until <ShortDate value={expiresAt} />.
      </AdminPageHead>

      {viewer !== null && !signedInAsInvited && (
        <div className={styles.info} role="status">
          <p>
            You are signed in as <span className={styles.mono}>{viewer.email}</span>, but this
            invitation is for <span className={styles.mono}>{email}</span>.{' '}
            {accountExists
              ? 'Sign out, then sign in as that account to accept it.'
              : 'Whoever owns that address creates its account below.'}
          </p>
        </div>
      )}

      <section className={styles.panel}>
        {accountExists ? (
          signedInAsInvited ? (
            <AcceptInvitationForm
              action={acceptAsMember}
              token={token}
              organizationName={organization.name}
            />
          ) : viewer === null ? (
            <p>
              {email} already has a Liaison account.{' '}
              <Link href={signInPath(here)}>Sign in as {email}</Link> to accept; you come back here
              afterwards.
            </p>
          ) : null
        ) : (
          <CreateAccountForm action={acceptWithNewAccount} token={token} email={email} />
        )}
      </section>
    </>
  );
}

import { API_TOKEN_NAME_MAX_LENGTH } from '@liaison/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '../../components/admin/admin.module.css';
import { AdminPageHead } from '../../components/admin/admin-page-head';
import { TokensSection } from '../../components/admin/tokens-section';
import { adminOrganizations, canReadAudit } from '../../lib/admin-access';
import { fromApi } from '../../lib/api';
import type { QueryPageProps } from '../../lib/page-props';
import { requireViewer } from '../../lib/session';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: { absolute: 'Administration · Liaison' } };

/**
 * Organization admins and the operator get an overview of their sections. Everyone else only
 * has personal API tokens to manage, so for them this page is the tokens section itself.
 */
export default async function AdminPage({ searchParams }: QueryPageProps) {
  const viewer = await requireViewer('/admin');
  const mine = adminOrganizations(viewer);

  if (!viewer.operator && mine.length === 0) {
    const { revoked } = await searchParams;
    return (
      <>
        <AdminPageHead title="Administration">
          Members, roles and the audit log are managed by your organization’s admins. Here you
          manage your own API tokens.
        </AdminPageHead>
        <TokensSection
          returnTo="/admin"
          revoked={
            typeof revoked === 'string' ? revoked.slice(0, API_TOKEN_NAME_MAX_LENGTH) : undefined
          }
        />
      </>
    );
  }

  const organizations = await fromApi((client) => client.listOrganizations());
  const names = new Map(
    organizations.ok ? organizations.data.items.map((o) => [o.slug, o.name] as const) : [],
  );

  return (
    <>
      <AdminPageHead title="Administration">
        {viewer.operator
          ? 'You are the portal operator: you manage organizations, registers and every organization’s members, and read the whole audit log.'
          : `You are an admin of ${mine.map((slug) => names.get(slug) ?? slug).join(', ')}.`}
      </AdminPageHead>
      <ul className={styles.cards}>
        {mine.map((slug) => (
          <li key={slug}>
            <h2>
              <Link href={`/admin/members/${slug}`}>Members of {names.get(slug) ?? slug}</Link>
            </h2>
            <p>Invite people by e-mail, change their roles, remove them.</p>
          </li>
        ))}
        {viewer.operator && (
          <li>
            <h2>
              <Link href="/admin/members">Members of any organization</Link>
            </h2>
            <p>Manage members and roles of every organization.</p>
          </li>
        )}
        {canReadAudit(viewer) && (
          <li>
            <h2>
              <Link href="/admin/audit">Audit log</Link>
            </h2>
            <p>Who did what, and when; filter and export as CSV.</p>
          </li>
        )}
        {viewer.operator && (
          <>
            <li>
              <h2>
                <Link href="/admin/organizations">Organizations</Link>
              </h2>
              <p>Add organizations; edit names, descriptions, IPR policies and sign-in.</p>
            </li>
            <li>
              <h2>
                <Link href="/admin/registers">Registers</Link>
              </h2>
              <p>Create work registers; edit their details and parties.</p>
            </li>
            <li>
              <h2>
                <Link href="/admin/jobs">Background jobs</Link>
              </h2>
              <p>Mail delivery, reminders and the reaper: failed jobs and the queue’s backlog.</p>
            </li>
          </>
        )}
        <li>
          <h2>
            <Link href="/admin/tokens">Your API tokens</Link>
          </h2>
          <p>Personal tokens for scripts and tools that use the API as you.</p>
        </li>
      </ul>
    </>
  );
}

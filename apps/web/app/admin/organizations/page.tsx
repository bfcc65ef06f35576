import type { OrganizationSignIn } from '@liaison/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '../../../components/admin/admin.module.css';
import { AdminPageHead } from '../../../components/admin/admin-page-head';
import { ApiErrorNotice } from '../../../components/admin/api-error-notice';
import { OperatorOnly } from '../../../components/admin/operator-only';
import { CreateOrganizationForm } from '../../../components/admin/organization-forms';
import { CaptionedTable } from '../../../components/captioned-table';
import { HiddenTitleSection } from '../../../components/hidden-title-section';
import tables from '../../../components/register/registers.module.css';
import { fromApi } from '../../../lib/api';
import { requireViewer } from '../../../lib/session';
import { createOrganization } from './actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Organizations' };

export default async function OrganizationsPage() {
  const viewer = await requireViewer('/admin/organizations');
  if (!viewer.operator) return <OperatorOnly title="Organizations" />;
  const organizations = await fromApi((client) => client.listOrganizations());
  // Member counts for the operator's overview; a count that cannot be read shows as unknown.
  const memberCounts = new Map<string, number>();
  if (organizations.ok) {
    const lists = await Promise.all(
      organizations.data.items.map((org) => fromApi((client) => client.listMembers(org.slug))),
    );
    organizations.data.items.forEach((org, index) => {
      const members = lists[index];
      if (members?.ok) memberCounts.set(org.slug, members.data.items.length);
    });
  }

  return (
    <>
      <AdminPageHead title="Organizations">
        The organizations that exchange documents in this portal, and how their members sign in.
      </AdminPageHead>
      <HiddenTitleSection id="orgs-title" title="All organizations" className={styles.section}>
        {!organizations.ok ? (
          <ApiErrorNotice
            error={organizations.error}
            what="the organizations"
            returnTo="/admin/organizations"
          />
        ) : organizations.data.items.length === 0 ? (
          <p className={tables.empty}>No organizations yet.</p>
        ) : (
          <CaptionedTable
            caption={<>Organizations ({organizations.data.items.length})</>}
            columns={['Name', 'Identifier', 'Description', 'Sign-in', 'Members']}
            actions="Actions"
          >
            {organizations.data.items.map((org) => (
              <tr key={org.slug}>
                <th scope="row">{org.name}</th>
                <td data-label="Identifier" className={styles.mono}>
                  {org.slug}
                </td>
                <td data-label="Description">{truncate(org.description)}</td>
                <td data-label="Sign-in">{signInMethods(org.signIn)}</td>
                <td data-label="Members">{memberCounts.get(org.slug) ?? '—'}</td>
                <td className={tables.nowrap}>
                  <Link href={`/admin/organizations/${org.slug}`}>
                    Edit<span className="visually-hidden"> {org.name}</span>
                  </Link>
                  {' · '}
                  <Link href={`/admin/members/${org.slug}`}>
                    Members<span className="visually-hidden"> of {org.name}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </CaptionedTable>
        )}
      </HiddenTitleSection>
      <section className={styles.panel}>
        <CreateOrganizationForm action={createOrganization} />
      </section>
    </>
  );
}

/** How the organization's members sign in, as the login page offers it. */
function signInMethods(signIn: OrganizationSignIn): string {
  const ways = [
    ...(signIn.password ? ['Password'] : []),
    ...(signIn.sso ? [`Single sign-on (${hostOf(signIn.sso.issuer)})`] : []),
  ];
  return ways.length > 0 ? ways.join(', ') : 'None: nobody can sign in';
}

function hostOf(issuer: string): string {
  return URL.canParse(issuer) ? new URL(issuer).host : issuer;
}

function truncate(text: string, max = 140): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

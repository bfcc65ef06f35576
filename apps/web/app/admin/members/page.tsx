import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import styles from '../../../components/admin/admin.module.css';
import { AdminPageHead } from '../../../components/admin/admin-page-head';
import { ApiErrorNotice } from '../../../components/admin/api-error-notice';
import { adminOrganizations, canManageMembers } from '../../../lib/admin-access';
import { requireViewer } from '../../../lib/session';
import { listOrganizations } from './data';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Members' };

export default async function MembersIndexPage() {
  const viewer = await requireViewer('/admin/members');
  if (!canManageMembers(viewer)) {
    return (
      <>
        <h1>Members</h1>
        <div className={styles.info}>
          <p>Members and roles are managed by your organization’s admins.</p>
        </div>
      </>
    );
  }
  const mine = adminOrganizations(viewer);
  if (!viewer.operator && mine.length === 1) redirect(`/admin/members/${mine[0]}`);

  const organizations = await listOrganizations();
  return (
    <>
      <AdminPageHead title="Members">
        Choose the organization whose members and roles you want to manage.
      </AdminPageHead>
      {!organizations.ok ? (
        <ApiErrorNotice
          error={organizations.error}
          what="the organizations"
          returnTo="/admin/members"
        />
      ) : (
        <ul className={styles.cards}>
          {organizations.data.items
            .filter((org) => viewer.operator || mine.includes(org.slug))
            .map((org) => (
              <li key={org.slug}>
                <h2>
                  <Link href={`/admin/members/${org.slug}`}>{org.name}</Link>
                </h2>
                <p className={styles.mono}>{org.slug}</p>
              </li>
            ))}
        </ul>
      )}
    </>
  );
}

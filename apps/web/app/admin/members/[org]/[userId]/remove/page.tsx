import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import styles from '../../../../../../components/admin/admin.module.css';
import { ApiErrorNotice } from '../../../../../../components/admin/api-error-notice';
import { ConfirmForm } from '../../../../../../components/admin/confirm-form';
import { canManageMembers } from '../../../../../../lib/admin-access';
import { requireViewer } from '../../../../../../lib/session';
import { removeMember } from '../../../actions';
import { listMembers, listOrganizations } from '../../../data';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Remove member' };

export default async function RemoveMemberPage({
  params,
}: {
  params: Promise<{ org: string; userId: string }>;
}) {
  const { org, userId } = await params;
  const viewer = await requireViewer(`/admin/members/${org}/${userId}/remove`);
  if (!canManageMembers(viewer, org)) notFound();

  const [members, organizations] = await Promise.all([listMembers(org), listOrganizations()]);
  const organizationName =
    (organizations.ok && organizations.data.items.find((o) => o.slug === org)?.name) || org;
  if (!members.ok) {
    return (
      <>
        <h1>Remove member</h1>
        <ApiErrorNotice
          error={members.error}
          what={`the members of ${organizationName}`}
          returnTo={`/admin/members/${org}`}
        />
      </>
    );
  }
  const member = members.data.items.find((m) => m.userId === decodeURIComponent(userId));
  if (!member) notFound();
  const who = member.name ? `${member.name} (${member.email})` : member.email;
  const self = member.userId === viewer.id;

  return (
    <section className={styles.panel} aria-labelledby="remove-title">
      <h1 id="remove-title">
        Remove {who} from {organizationName}?
      </h1>
      <p>
        {self ? 'You' : 'They'} will no longer see {organizationName}’s non-public documents or act
        for it. Their account and what they uploaded stay; you can add them again later.
      </p>
      {self && (
        <div className={styles.error}>
          <p>You are removing yourself: you will lose access to this page.</p>
        </div>
      )}
      <ConfirmForm
        action={removeMember}
        fields={{ organization: org, userId: member.userId, email: member.email }}
        confirmLabel={`Remove ${member.name || member.email}`}
        pendingText="Removing…"
        cancelHref={`/admin/members/${org}`}
      />
    </section>
  );
}

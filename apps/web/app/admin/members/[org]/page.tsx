import { EMAIL_MAX_LENGTH, INVITATION_VALID_DAYS } from '@liaison/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '../../../../components/admin/admin.module.css';
import { AdminPageHead } from '../../../../components/admin/admin-page-head';
import { ApiErrorNotice } from '../../../../components/admin/api-error-notice';
import {
  AddMemberForm,
  InviteMemberForm,
  RevokeInvitationForm,
  RoleForm,
} from '../../../../components/admin/member-forms';
import { CaptionedTable } from '../../../../components/captioned-table';
import { HiddenTitleSection } from '../../../../components/hidden-title-section';
import { ShortDate } from '../../../../components/register/dates';
import tables from '../../../../components/register/registers.module.css';
import { canManageMembers } from '../../../../lib/admin-access';
import type { SegmentPageProps } from '../../../../lib/page-props';
import { requireViewer } from '../../../../lib/session';
import { addMember, changeRole, inviteMember, revokeInvitation } from '../actions';
import { listInvitations, listMembers, listOrganizations } from '../data';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Members' };

const ROLE_ORDER = { admin: 0, editor: 1, member: 2 } as const;

export default async function OrganizationMembersPage({
  params,
  searchParams,
}: SegmentPageProps<'org'>) {
  const { org } = await params;
  const { removed } = await searchParams;
  const viewer = await requireViewer(`/admin/members/${org}`);

  if (!canManageMembers(viewer, org)) {
    return (
      <>
        <h1>Members</h1>
        <div className={styles.info}>
          <p>Only admins of this organization manage its members.</p>
        </div>
      </>
    );
  }

  const [members, invitations, organizations] = await Promise.all([
    listMembers(org),
    listInvitations(org),
    listOrganizations(),
  ]);
  const organizationName =
    (organizations.ok && organizations.data.items.find((o) => o.slug === org)?.name) || org;
  const sorted = members.ok
    ? [...members.data.items].sort(
        (a, b) =>
          (ROLE_ORDER[a.role] ?? 3) - (ROLE_ORDER[b.role] ?? 3) ||
          a.name.localeCompare(b.name) ||
          a.email.localeCompare(b.email),
      )
    : [];

  return (
    <>
      <AdminPageHead title={`Members of ${organizationName}`}>
        Members read the documents shared with the organization; editors also upload, edit and
        submit; admins also release documents to the public, manage members and review incoming
        submissions. An organization always keeps at least one admin.
      </AdminPageHead>

      {typeof removed === 'string' && (
        <div className={styles.success} role="status">
          <p>
            {removed.slice(0, EMAIL_MAX_LENGTH)} was removed from {organizationName}.
          </p>
        </div>
      )}

      <HiddenTitleSection id="members-title" title="Current members" className={styles.section}>
        {!members.ok ? (
          <ApiErrorNotice
            error={members.error}
            what={`the members of ${organizationName}`}
            returnTo={`/admin/members/${org}`}
          />
        ) : sorted.length === 0 ? (
          <p className={tables.empty}>{organizationName} has no members yet.</p>
        ) : (
          <CaptionedTable
            caption={
              <>
                Members of {organizationName} ({sorted.length})
              </>
            }
            columns={['Name', 'E-mail', 'Member since', 'Role']}
            actions="Remove"
          >
            {sorted.map((member) => (
              <tr key={member.userId}>
                <th scope="row">
                  {member.name || member.email}
                  {member.userId === viewer.id && <span className="muted"> (you)</span>}
                </th>
                <td data-label="E-mail" className={styles.mono}>
                  {member.email}
                </td>
                <td data-label="Member since">
                  <ShortDate value={member.since} />
                </td>
                <td data-label="Role">
                  <RoleForm
                    action={changeRole}
                    organization={org}
                    userId={member.userId}
                    memberName={member.name || member.email}
                    role={member.role}
                  />
                </td>
                <td>
                  <Link
                    className={styles.dangerLink}
                    href={`/admin/members/${org}/${encodeURIComponent(member.userId)}/remove`}
                  >
                    Remove
                    <span className="visually-hidden"> {member.name || member.email}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </CaptionedTable>
        )}
      </HiddenTitleSection>

      <section className={styles.section} aria-labelledby="invitations-title">
        <h2 id="invitations-title">Pending invitations</h2>
        {!invitations.ok ? (
          <ApiErrorNotice
            error={invitations.error}
            what={`the invitations to ${organizationName}`}
            returnTo={`/admin/members/${org}`}
          />
        ) : invitations.data.items.length === 0 ? (
          <p className={tables.empty}>No invitation is waiting to be accepted.</p>
        ) : (
          <CaptionedTable
            caption={
              <>
                Pending invitations to {organizationName} ({invitations.data.items.length})
              </>
            }
            captionHidden
            columns={['E-mail', 'Role', 'Invited by', 'Valid until']}
            actions="Revoke"
          >
            {invitations.data.items.map((invitation) => (
              <tr key={invitation.id}>
                <th scope="row" className={styles.mono}>
                  {invitation.email}
                </th>
                <td data-label="Role">{invitation.role}</td>
                <td data-label="Invited by">{invitation.invitedBy ?? '—'}</td>
                <td data-label="Valid until">
                  <ShortDate value={invitation.expiresAt} />
                </td>
                <td>
                  <RevokeInvitationForm
                    action={revokeInvitation}
                    organization={org}
                    invitationId={invitation.id}
                    email={invitation.email}
                  />
                </td>
              </tr>
            ))}
          </CaptionedTable>
        )}
      </section>

      <section className={styles.panel}>
        <InviteMemberForm
          action={inviteMember}
          organization={org}
          organizationName={organizationName}
          validDays={INVITATION_VALID_DAYS}
        />
      </section>

      {/* Adding someone without their consent is the operator's alone; the API enforces it. */}
      {viewer.operator && (
        <section className={styles.panel}>
          <AddMemberForm
            action={addMember}
            organization={org}
            organizationName={organizationName}
          />
        </section>
      )}
    </>
  );
}

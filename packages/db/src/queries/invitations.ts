import type { Role } from '@liaison/core';
import type { Queryable } from '../queryable.js';

/** An invitation as its organization's admins see it. */
export interface InvitationRecord {
  id: string;
  organization: string;
  email: string;
  role: Role;
  /** E-mail address of who sent it; null when that account is gone. */
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/** A pending invitation found by its token, with what accepting it needs. */
export interface PendingInvitation extends InvitationRecord {
  organizationName: string;
}

const PENDING = 'i.revoked_at is null and i.accepted_at is null and i.expires_at > now()';

const INVITATION_SELECT = `
  select i.id, o.slug as organization, o.name as "organizationName", i.email, i.role,
         inviter.email as "invitedBy", i.created_at as "createdAt", i.expires_at as "expiresAt"
    from invitations i
    join organizations o on o.id = i.organization_id
    left join users inviter on inviter.id = i.invited_by`;

export async function insertInvitation(
  db: Queryable,
  invitation: {
    organization: string;
    email: string;
    role: Role;
    tokenHash: string;
    invitedBy: string;
    expiresAt: Date;
  },
): Promise<PendingInvitation> {
  const inserted = await db.query<{ id: string }>(
    `insert into invitations (organization_id, email, role, token_hash, invited_by, expires_at)
     select o.id, $2, $3, $4, $5, $6 from organizations o where o.slug = $1
     returning id`,
    [
      invitation.organization,
      invitation.email,
      invitation.role,
      invitation.tokenHash,
      invitation.invitedBy,
      invitation.expiresAt,
    ],
  );
  const result = await db.query<PendingInvitation>(`${INVITATION_SELECT} where i.id = $1`, [
    inserted.rows[0]!.id,
  ]);
  return result.rows[0]!;
}

/** The organization's invitations that can still be accepted, oldest first. */
export async function listPendingInvitations(
  db: Queryable,
  organization: string,
): Promise<PendingInvitation[]> {
  const result = await db.query<PendingInvitation>(
    `${INVITATION_SELECT} where o.slug = $1 and ${PENDING} order by i.created_at, i.id`,
    [organization],
  );
  return result.rows;
}

/** Revokes a pending invitation of the organization; undefined when there is no such one. */
export async function revokeInvitation(
  db: Queryable,
  organization: string,
  id: string,
): Promise<PendingInvitation | undefined> {
  const revoked = await db.query<{ id: string }>(
    `update invitations i set revoked_at = now()
       from organizations o
      where o.id = i.organization_id and o.slug = $1 and i.id = $2 and ${PENDING}
      returning i.id`,
    [organization, id],
  );
  if (revoked.rowCount !== 1) return undefined;
  const result = await db.query<PendingInvitation>(`${INVITATION_SELECT} where i.id = $1`, [id]);
  return result.rows[0];
}

/** The pending invitation with this token hash, or undefined (unknown, expired, revoked, used). */
export async function findPendingInvitation(
  db: Queryable,
  tokenHash: string,
): Promise<PendingInvitation | undefined> {
  const result = await db.query<PendingInvitation>(
    `${INVITATION_SELECT} where i.token_hash = $1 and ${PENDING}`,
    [tokenHash],
  );
  return result.rows[0];
}

/**
 * Like findPendingInvitation, and locks the invitation for the rest of the transaction: a second
 * accept of the same token waits here, then finds it used.
 */
export async function lockPendingInvitation(
  db: Queryable,
  tokenHash: string,
): Promise<PendingInvitation | undefined> {
  const result = await db.query<PendingInvitation>(
    `${INVITATION_SELECT} where i.token_hash = $1 and ${PENDING} for update of i`,
    [tokenHash],
  );
  return result.rows[0];
}

/** Marks a pending invitation used by `userId`; false when it was no longer pending. */
export async function markInvitationAccepted(
  db: Queryable,
  id: string,
  userId: string,
): Promise<boolean> {
  const result = await db.query(
    `update invitations i set accepted_at = now(), accepted_by = $2 where i.id = $1 and ${PENDING}`,
    [id, userId],
  );
  return result.rowCount === 1;
}

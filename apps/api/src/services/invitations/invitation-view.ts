import type { Invitation } from '@liaison/core';
import type { InvitationRecord } from '@liaison/db';

export function invitationView(record: InvitationRecord): Invitation {
  return {
    id: record.id,
    organization: record.organization,
    email: record.email,
    role: record.role,
    invitedBy: record.invitedBy,
    createdAt: record.createdAt.toISOString(),
    expiresAt: record.expiresAt.toISOString(),
  };
}

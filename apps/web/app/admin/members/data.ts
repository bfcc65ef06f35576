import 'server-only';
import type { InvitationList, Organization } from '@liaison/core';
import { callApi } from '../../../lib/api';

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: 'member' | 'editor' | 'admin';
  since: string;
}

export function listMembers(organization: string) {
  return callApi<{ items: Member[] }>(
    `/api/v1/organizations/${encodeURIComponent(organization)}/members`,
  );
}

export function listOrganizations() {
  return callApi<{ items: Organization[] }>('/api/v1/organizations');
}

export function listInvitations(organization: string) {
  return callApi<InvitationList>(
    `/api/v1/organizations/${encodeURIComponent(organization)}/invitations`,
  );
}

import 'server-only';
import type { Organization } from '@liaison/core';
import { adminApi } from '../../../lib/admin-api';

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: 'member' | 'editor' | 'admin';
  since: string;
}

export function listMembers(organization: string) {
  return adminApi<{ items: Member[] }>(
    `/api/v1/organizations/${encodeURIComponent(organization)}/members`,
  );
}

export function listOrganizations() {
  return adminApi<{ items: Organization[] }>('/api/v1/organizations');
}

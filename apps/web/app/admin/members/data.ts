import 'server-only';
import { fromApi } from '../../../lib/api';

export function listMembers(organization: string) {
  return fromApi((client) => client.listMembers(organization));
}

export function listOrganizations() {
  return fromApi((client) => client.listOrganizations());
}

export function listInvitations(organization: string) {
  return fromApi((client) => client.listInvitations(organization));
}

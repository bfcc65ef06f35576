/** Which admin sections a signed-in person may use (the API decides; this only hides links). */
import {
  administeredOrganizations,
  allowReadCaughtMail,
  allowReadJobQueue,
  canManageMembers as canManageMembersOf,
  canManageOrganizations,
  canManageRegisters,
  canReadAudit as canReadAuditOf,
} from '@liaison/core';
import type { Viewer } from './auth/viewer';
import { viewerActor } from './auth/viewer-actor';

export type AccessViewer = Pick<Viewer, 'id' | 'email' | 'operator' | 'memberships'>;

/** Organizations the person administers (all of them for the operator is the caller's call). */
export function adminOrganizations(viewer: AccessViewer): string[] {
  return administeredOrganizations(viewerActor(viewer));
}

/** Whether the person manages the members of `organization`, or of any organization without one. */
export function canManageMembers(viewer: AccessViewer, organization?: string): boolean {
  const actor = viewerActor(viewer);
  return organization === undefined
    ? actor.operator ||
        administeredOrganizations(actor).some((org) => canManageMembersOf(actor, org))
    : canManageMembersOf(actor, organization);
}

export function canReadAudit(viewer: AccessViewer): boolean {
  return canReadAuditOf(viewerActor(viewer));
}

export interface AdminSection {
  href: string;
  label: string;
}

/** The admin navigation for this person; just the tokens for people who administer nothing. */
export function adminSections(viewer: AccessViewer): AdminSection[] {
  const sections: AdminSection[] = [{ href: '/admin', label: 'Overview' }];
  if (canManageMembers(viewer)) sections.push({ href: '/admin/members', label: 'Members' });
  sections.push({ href: '/admin/tokens', label: 'API tokens' });
  if (canReadAudit(viewer)) sections.push({ href: '/admin/audit', label: 'Audit log' });
  const actor = viewerActor(viewer);
  if (canManageOrganizations(actor)) {
    sections.push({ href: '/admin/organizations', label: 'Organizations' });
  }
  if (canManageRegisters(actor)) sections.push({ href: '/admin/registers', label: 'Registers' });
  if (allowReadCaughtMail(actor)) sections.push({ href: '/admin/mail', label: 'Mail' });
  if (allowReadJobQueue(actor)) sections.push({ href: '/admin/jobs', label: 'Jobs' });
  return sections;
}

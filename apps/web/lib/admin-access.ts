/** Which admin sections a signed-in person may use (the API decides; this only hides links). */

export interface AccessViewer {
  operator: boolean;
  memberships: readonly { organization: string; role: string }[];
}

/** Organizations the person administers (all of them for the operator is the caller's call). */
export function adminOrganizations(viewer: AccessViewer): string[] {
  return [
    ...new Set(viewer.memberships.filter((m) => m.role === 'admin').map((m) => m.organization)),
  ];
}

export function canManageMembers(viewer: AccessViewer, organization?: string): boolean {
  if (viewer.operator) return true;
  const admin = adminOrganizations(viewer);
  return organization === undefined ? admin.length > 0 : admin.includes(organization);
}

export function canReadAudit(viewer: AccessViewer): boolean {
  return viewer.operator || adminOrganizations(viewer).length > 0;
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
  if (viewer.operator) {
    sections.push(
      { href: '/admin/organizations', label: 'Organizations' },
      { href: '/admin/registers', label: 'Registers' },
      { href: '/admin/mail', label: 'Mail' },
    );
  }
  return sections;
}

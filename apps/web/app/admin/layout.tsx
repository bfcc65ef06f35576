import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AdminNav } from '../../components/admin/admin-nav';
import { adminSections } from '../../lib/admin-access';
import { getViewer } from '../../lib/session';

export const metadata: Metadata = {
  title: { default: 'Administration', template: '%s · Administration · Liaison' },
};

// Each page calls requireViewer() itself, so that signing in brings people back to that page.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  const sections = viewer ? adminSections(viewer) : [];
  return (
    <>
      {/* People who administer nothing have only their tokens: no tabs needed. */}
      {sections.length > 2 && <AdminNav sections={sections} />}
      {children}
    </>
  );
}

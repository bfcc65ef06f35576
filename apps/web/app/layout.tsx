import { administeredOrganizations, reviewingOrganizations } from '@liaison/core';
import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { HeaderMenu } from '../components/header-menu';
import { type NavItem, SiteNav } from '../components/site-nav';
import { UserMenu } from '../components/user-menu';
import { viewerActor } from '../lib/auth/viewer-actor';
import { getViewer } from '../lib/session';
import { incomingWaitingCount } from '../lib/submission-api';
import { submissionsLabel } from '../lib/submission-rules';
import { whatsNewCount } from '../lib/whats-new-api';
import { whatsNewBadge } from '../lib/whats-new-rules';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Liaison', template: '%s · Liaison' },
  description: 'Document exchange for standards alliances',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#1b2a4a',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  const actor = viewer ? viewerActor(viewer) : null;
  const isAdmin = actor !== null && (actor.operator || administeredOrganizations(actor).length > 0);
  const reviewsSubmissions = actor !== null && reviewingOrganizations(actor).length > 0;
  const [waiting, news] = await Promise.all([
    reviewsSubmissions ? incomingWaitingCount() : null,
    viewer ? whatsNewCount() : null,
  ]);
  const items: NavItem[] = [
    { href: '/', label: 'Library' },
    { href: '/workspace', label: 'Workspace' },
    { href: '/registers', label: 'Registers' },
    // With new incoming submissions, the badge leads to them.
    ...(viewer
      ? [
          {
            href: waiting ? '/submissions/incoming' : '/submissions',
            label: submissionsLabel(waiting),
          },
          // Opening the page records a visit: only a click may do that, never a prefetch.
          {
            href: '/whats-new',
            label: "What's new",
            badge: whatsNewBadge(news),
            prefetch: false as const,
          },
        ]
      : []),
    ...(isAdmin ? [{ href: '/admin', label: 'Admin' }] : []),
  ];

  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            <Link className="brand" href="/">
              <svg
                className="brand__mark"
                viewBox="0 0 24 24"
                width="26"
                height="26"
                aria-hidden="true"
                focusable="false"
              >
                <rect
                  x="2"
                  y="4"
                  width="12"
                  height="16"
                  rx="2"
                  fill="currentColor"
                  opacity="0.55"
                />
                <rect x="10" y="4" width="12" height="16" rx="2" fill="currentColor" />
              </svg>
              Liaison
            </Link>
            <HeaderMenu collapsible={viewer !== null}>
              <SiteNav items={items} />
              <div className="site-header__user">
                <UserMenu />
              </div>
            </HeaderMenu>
          </div>
        </header>
        <main id="main" className="container" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">Liaison · document exchange under alliance agreements</div>
        </footer>
      </body>
    </html>
  );
}

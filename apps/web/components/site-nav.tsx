'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { isCurrentSection } from '../lib/nav';

export interface NavItem {
  href: string;
  label: string;
  /** A small count after the label (e.g. "3" new items); null for none. */
  badge?: string | null;
  /** Pages that record a visit when rendered must not be rendered ahead of a click. */
  prefetch?: false;
}

export function SiteNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname() ?? '/';
  // The layout keeps its first rendering while people move between pages: once they opened an
  // item's page, its badge (what that visit cleared) stays hidden until the server counts anew.
  const [cleared, setCleared] = useState<Record<string, string>>({});
  const current = items.find((item) => isCurrentSection(pathname, item.href));
  if (current?.badge && cleared[current.href] !== current.badge) {
    setCleared({ ...cleared, [current.href]: current.badge });
  }
  return (
    <nav className="site-nav" aria-label="Main">
      <ul>
        {items.map((item) => {
          const isCurrent = item === current;
          const badge = item.badge && cleared[item.href] !== item.badge ? item.badge : null;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={isCurrent ? 'page' : undefined}
                prefetch={item.prefetch}
              >
                {item.label}
                {badge && ' '}
                {badge && (
                  <span className="site-nav__badge">
                    {badge}
                    <span className="visually-hidden"> new</span>
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

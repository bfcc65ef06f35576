'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { isCurrentSection } from '../lib/nav';

export interface NavItem {
  href: string;
  label: string;
}

export function SiteNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname() ?? '/';
  return (
    <nav className="site-nav" aria-label="Main">
      <ul>
        {items.map((item) => {
          const current = isCurrentSection(pathname, item.href);
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={current ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { AdminSection } from '../../lib/admin-access';
import styles from './admin.module.css';

/** The admin sections as tabs; the current one is marked for assistive technology too. */
export function AdminNav({ sections }: { sections: AdminSection[] }) {
  const pathname = usePathname();
  const current = sections
    .filter((s) => pathname === s.href || pathname.startsWith(`${s.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return (
    <nav className={styles.nav} aria-label="Administration">
      <ul className={styles.navList}>
        {sections.map((section) => (
          <li key={section.href}>
            <Link
              className={styles.navLink}
              href={section.href}
              aria-current={current?.href === section.href ? 'page' : undefined}
            >
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import Link from 'next/link';
import type { ReactNode } from 'react';

/** Where the page stands: links back up the trail, then the current page's name. */
export function Breadcrumb({
  trail,
  current,
}: {
  trail: readonly { href: string; label: ReactNode }[];
  current: ReactNode;
}) {
  return (
    <nav className="breadcrumb" aria-label="Breadcrumb">
      <ol>
        {trail.map(({ href, label }) => (
          <li key={href}>
            <Link href={href}>{label}</Link>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}

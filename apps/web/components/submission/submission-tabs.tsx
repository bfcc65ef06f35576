import Link from 'next/link';

/** "My submissions" and "Incoming" as tabs; `incoming` only for admins of some organization. */
export function SubmissionTabs({
  current,
  incoming,
}: {
  current: 'outgoing' | 'incoming';
  incoming: boolean;
}) {
  const tabs = [
    { key: 'outgoing', href: '/submissions', label: 'My submissions' },
    ...(incoming ? [{ key: 'incoming', href: '/submissions/incoming', label: 'Incoming' }] : []),
  ];
  return (
    <nav className="tabs" aria-label="Submissions">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link href={tab.href} aria-current={tab.key === current ? 'page' : undefined}>
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import Link from 'next/link';

/**
 * "My submissions" and "Incoming" as tabs, each with how many are open (mine) or new (incoming);
 * `incoming` only for admins of some organization. A count is left out when it is not known.
 */
export function SubmissionTabs({
  current,
  incoming,
  openOutgoing,
  newIncoming,
}: {
  current: 'outgoing' | 'incoming';
  incoming: boolean;
  openOutgoing: number | null;
  newIncoming: number | null;
}) {
  const tabs = [
    {
      key: 'outgoing',
      href: '/submissions',
      label: 'My submissions',
      count: openOutgoing === null ? null : `${openOutgoing} open`,
    },
    ...(incoming
      ? [
          {
            key: 'incoming',
            href: '/submissions/incoming',
            label: 'Incoming',
            count: newIncoming === null ? null : `${newIncoming} new`,
          },
        ]
      : []),
  ];
  return (
    <nav className="tabs" aria-label="Submissions">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link href={tab.href} aria-current={tab.key === current ? 'page' : undefined}>
              {tab.label}
              {tab.count !== null && <span className="tabs__count"> ({tab.count})</span>}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import type { StatementSummary } from '@liaison/core';
import Link from 'next/link';
import { formatDate } from '../../lib/format';
import { statementPath } from '../../lib/statement-links';
import { StackedTable } from '../stacked-table';
import { Deadline, PurposeBadge, StandingBadge } from './statement-badges';

interface StatementTableProps {
  statements: readonly StatementSummary[];
  caption: string;
  empty: string;
  today: string;
}

/** Statements as a list: title, route, purpose, deadline and whether an answer is owed. */
export function StatementTable({ statements, caption, empty, today }: StatementTableProps) {
  if (statements.length === 0) return <p className="empty">{empty}</p>;
  return (
    <StackedTable
      caption={caption}
      columns={['Statement', 'From → to', 'Purpose', 'Deadline', 'State', 'Sent']}
      testId="statement-table"
    >
      {statements.map((statement) => (
        <tr key={statement.id} data-statement-id={statement.id}>
          <th scope="row" data-label="Statement">
            <Link href={statementPath(statement.id)}>{statement.title}</Link>
          </th>
          <td data-label="From → to">
            {statement.from.name} → {statement.to.map((party) => party.name).join(', ')}
          </td>
          <td data-label="Purpose">
            <PurposeBadge purpose={statement.purpose} />
          </td>
          <td data-label="Deadline">
            <Deadline statement={statement} today={today} />
          </td>
          <td data-label="State">
            <StandingBadge statement={statement} today={today} />
          </td>
          <td data-label="Sent">
            {statement.sentAt ? (
              <time dateTime={statement.sentAt}>{formatDate(statement.sentAt)}</time>
            ) : (
              <span className="muted">Not yet</span>
            )}
          </td>
        </tr>
      ))}
    </StackedTable>
  );
}

import type { Review } from '@liaison/core';
import Link from 'next/link';
import { formatCalendarDate } from '../../lib/format';
import { daysLeftText, reviewPath } from '../../lib/review-rules';
import { StackedTable } from '../stacked-table';

/** Reviews in the order given: document, title, version, closing date and days left. */
export function ReviewTable({
  reviews,
  caption,
  empty,
}: {
  reviews: readonly Review[];
  caption: string;
  empty: string;
}) {
  if (reviews.length === 0) return <p className="empty">{empty}</p>;
  return (
    <StackedTable
      caption={caption}
      columns={['Review', 'Document', 'Version', 'Closes']}
      testId="review-table"
    >
      {reviews.map((review) => (
        <tr key={review.id}>
          <th scope="row" data-label="Review">
            <Link href={reviewPath(review.id)}>{review.title}</Link>
          </th>
          <td data-label="Document">
            <Link href={`/documents/${review.document.id}`}>{review.document.identifier}</Link>
          </td>
          <td data-label="Version">{review.version.label}</td>
          <td data-label="Closes">
            {formatCalendarDate(review.closesOn) ?? review.closesOn} (
            {daysLeftText(review.closesOn)})
          </td>
        </tr>
      ))}
    </StackedTable>
  );
}

import type { Review } from '@liaison/core';
import Link from 'next/link';
import { formatCalendarDate } from '../../lib/format';
import { daysLeftText, reviewPath } from '../../lib/review-rules';

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
    <div className="table-wrap">
      <table className="table table--stack" data-testid="review-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Review</th>
            <th scope="col">Document</th>
            <th scope="col">Version</th>
            <th scope="col">Closes</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}

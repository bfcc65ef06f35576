import type { IprPolicy, Review } from '@liaison/core';
import Link from 'next/link';
import { formatCalendarDate } from '../../lib/format';
import { daysLeftText, resolvedText, reviewPath } from '../../lib/review-rules';
import { CommentForm } from './comment-form';

/** The document's open call for comments, with the comment form for those who may comment. */
export function ReviewBanner({
  review,
  ownerName,
  iprPolicy,
}: {
  review: Review;
  ownerName: string;
  iprPolicy: IprPolicy | null;
}) {
  return (
    <section
      className="section notice notice--info review-banner"
      aria-labelledby="review-banner-title"
      data-testid="review-banner"
    >
      <h2 id="review-banner-title">
        <Link href={reviewPath(review.id)}>{review.title}</Link>
      </h2>
      <p>
        Version <strong>{review.version.label}</strong> is open for comments until{' '}
        <strong>{formatCalendarDate(review.closesOn) ?? review.closesOn}</strong> (
        {daysLeftText(review.closesOn)}).{' '}
        {review.counts.comments > 0 &&
          `${resolvedText({ total: review.counts.comments, resolved: review.counts.resolved })}.`}
      </p>
      {review.note && <p className="pre-wrap">{review.note}</p>}
      <p>
        <Link href={reviewPath(review.id)}>See the comments you may read</Link>
      </p>
      {review.permissions.comment &&
        (review.requiresIprAcknowledgement && !iprPolicy ? (
          <p className="muted">
            Commenting needs {ownerName}’s IPR policy, which cannot be shown right now.
          </p>
        ) : (
          <details>
            <summary>Comment on version {review.version.label}</summary>
            <CommentForm
              reviewId={review.id}
              versionId={review.version.id}
              versionLabel={review.version.label}
              ownerName={ownerName}
              iprPolicy={iprPolicy}
            />
          </details>
        ))}
    </section>
  );
}

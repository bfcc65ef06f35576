import { COMMENT_KINDS, DISPOSITIONS, type ReviewComment } from '@liaison/core';
import Link from 'next/link';
import { ApiErrorNotice } from '../../../components/admin/api-error-notice';
import { ConfirmAction } from '../../../components/confirm-action';
import { DetailPage } from '../../../components/detail-page';
import { ActionForm } from '../../../components/review/action-form';
import { CommentCard } from '../../../components/review/comment-card';
import { CommentForm } from '../../../components/review/comment-form';
import { LabelledOptions } from '../../../components/select-options';
import { fromApi, listOrganizations } from '../../../lib/api';
import { detailTitle } from '../../../lib/detail-loader';
import { formatCalendarDate } from '../../../lib/format';
import { noticeFrom, type SegmentPageProps } from '../../../lib/page-props';
import { getResolutionLog, listComments } from '../../../lib/review-api';
import {
  DISPOSITION_LABELS,
  daysLeftText,
  dispositionCounts,
  KIND_LABELS,
  logExportHref,
  logFilters,
  resolvedText,
  reviewPath,
} from '../../../lib/review-rules';
import { closeReviewAction, extendReviewAction, publishLogAction } from '../actions';
import { loadReview } from './data';

export const dynamic = 'force-dynamic';

const NOTICES: Record<string, string> = {
  opened: 'The review is open: the readers of the document can comment until it closes.',
  extended: 'The closing date was changed.',
  closed: 'The review is closed: no more comments.',
  published:
    'The resolution log is published: every reader of the document reads it, attributed to organizations.',
  disposed: 'The disposition was saved; the commenter is told by mail.',
  withdrawn: 'The comment was withdrawn.',
  edited: 'Your comment was saved.',
};

export const generateMetadata = detailTitle(loadReview, (review) => review.title, 'Review');

export default async function ReviewPage({ params, searchParams }: SegmentPageProps<'id'>) {
  const { id } = await params;
  const [result, query] = await Promise.all([loadReview(id), searchParams]);
  if (!result.ok) {
    return <ApiErrorNotice error={result.error} what="this review" returnTo={reviewPath(id)} />;
  }
  const review = result.data;
  const { permissions } = review;
  const open = review.state === 'open';
  const filters = logFilters(query);
  const [logAnswer, commentAnswer, documentAnswer, policyAnswer, organizations] = await Promise.all(
    [
      permissions.readLog ? getResolutionLog(id, filters) : null,
      permissions.readLog ? null : listComments(id, filters),
      fromApi((client) => client.getDocument(review.document.id)),
      permissions.comment && review.requiresIprAcknowledgement
        ? fromApi((client) => client.getIprPolicy(review.document.organization))
        : null,
      listOrganizations(),
    ],
  );
  const log = logAnswer?.ok ? logAnswer.data : null;
  const comments: ReviewComment[] = log
    ? log.comments
    : commentAnswer?.ok
      ? commentAnswer.data.items
      : [];
  const failed =
    logAnswer && !logAnswer.ok ? logAnswer : commentAnswer?.ok === false ? commentAnswer : null;
  const versions = documentAnswer.ok
    ? documentAnswer.data.versions
        .filter((version) => version.withdrawn === null)
        .map((version) => ({ id: version.id, label: version.label }))
    : [];
  const ownerName =
    (organizations.ok &&
      organizations.data.find((org) => org.slug === review.document.organization)?.name) ||
    review.document.organization;
  const notice = noticeFrom(query, NOTICES);
  const filtered = Boolean(filters.kind || filters.disposition);

  return (
    <DetailPage
      className="review"
      titleId="review-title"
      title={review.title}
      parent={{ href: `/documents/${review.document.id}`, label: review.document.identifier }}
      crumb="Review"
      eyebrow={
        <>
          <code className="identifier">{review.document.identifier}</code>
          <span aria-hidden="true"> · </span>
          <span>Version {review.version.label}</span>
        </>
      }
      badges={
        <>
          <span className={`badge ${open ? 'badge--success' : 'badge--neutral'}`}>
            {open ? 'Open' : 'Closed'}
          </span>
          {review.logPublishedAt && <span className="badge badge--info">Log published</span>}
        </>
      }
      notice={notice}
      summary={{ headingId: 'note-title', heading: 'Note', text: review.note, empty: 'No note.' }}
      asideLabel="About this review"
      aside={
        <>
          <div className="card card--accent">
            <h2 className="card__title">Closing date</h2>
            <p data-testid="review-closes">
              {formatCalendarDate(review.closesOn) ?? review.closesOn} ·{' '}
              {open ? daysLeftText(review.closesOn) : 'closed'}
            </p>
            <p data-testid="review-resolved">
              {resolvedText({ total: review.counts.comments, resolved: review.counts.resolved })}
            </p>
            <p>
              <Link href={`/documents/${review.document.id}`}>{review.document.title}</Link>
            </p>
          </div>
          {permissions.manage && open && (
            <section className="card" aria-labelledby="manage-title">
              <h2 id="manage-title" className="card__title">
                Manage the review
              </h2>
              <ActionForm
                action={extendReviewAction.bind(null, review.id)}
                submitLabel="Change the closing date"
                label="Change the closing date"
              >
                <div className="field">
                  <label className="field__label" htmlFor="closesOn">
                    New closing date
                  </label>
                  <input id="closesOn" name="closesOn" type="date" defaultValue={review.closesOn} />
                </div>
              </ActionForm>
              <ConfirmAction
                action={closeReviewAction.bind(null, review.id)}
                trigger="Close the review now"
                title={`Close “${review.title}” now?`}
                confirmLabel="Close the review"
              >
                <p>No more comments will be accepted. Dispositions can still be given.</p>
              </ConfirmAction>
            </section>
          )}
        </>
      }
    >
      {permissions.comment && open && (
        <section className="section" aria-labelledby="comment-title">
          <h2 id="comment-title">Your comment</h2>
          {policyAnswer && !policyAnswer.ok ? (
            <ApiErrorNotice
              error={policyAnswer.error}
              what="the IPR policy"
              returnTo={reviewPath(id)}
            />
          ) : (
            <CommentForm
              reviewId={review.id}
              versionId={review.version.id}
              versionLabel={review.version.label}
              ownerName={ownerName}
              iprPolicy={policyAnswer?.ok ? policyAnswer.data : null}
            />
          )}
        </section>
      )}

      {log && (
        <section className="section" aria-labelledby="log-title">
          <div className="section-head section-head--row">
            <h2 id="log-title">Resolution log</h2>
            <div className="button-row">
              <a
                className="button button--secondary button--small"
                href={logExportHref(id, 'csv', filters)}
              >
                Export CSV
              </a>
              <a
                className="button button--secondary button--small"
                href={logExportHref(id, 'json', filters)}
              >
                Export JSON
              </a>
              {permissions.publishLog && !review.logPublishedAt && (
                <ConfirmAction
                  action={publishLogAction.bind(null, review.id)}
                  trigger="Publish the log"
                  title="Publish the resolution log?"
                  confirmLabel="Publish"
                  tone="primary"
                  small
                >
                  <p>
                    Every reader of {review.document.identifier} will read every comment and its
                    disposition, attributed to the commenter’s organization, never to the person.
                    This cannot be undone.
                  </p>
                </ConfirmAction>
              )}
            </div>
          </div>
          <p data-testid="log-resolved">
            <strong>{resolvedText(log.counts)}</strong>
          </p>
          <ul className="plain-list" data-testid="log-counts">
            {dispositionCounts(log.counts.byDisposition).map((row) => (
              <li key={row.disposition}>
                {row.label}: {row.count}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="section" aria-labelledby="comments-title">
        <h2 id="comments-title">Comments</h2>
        <form className="form form--inline" method="get" aria-label="Filter the comments">
          <label>
            Kind{' '}
            <select name="kind" defaultValue={filters.kind ?? ''}>
              <option value="">Any</option>
              <LabelledOptions values={COMMENT_KINDS} labels={KIND_LABELS} />
            </select>
          </label>{' '}
          <label>
            Disposition{' '}
            <select name="disposition" defaultValue={filters.disposition ?? ''}>
              <option value="">Any</option>
              <option value="none">None yet</option>
              <LabelledOptions values={DISPOSITIONS} labels={DISPOSITION_LABELS} />
            </select>
          </label>{' '}
          <button type="submit" className="button button--secondary button--small">
            Filter
          </button>
          {filtered && (
            <>
              {' '}
              <Link href={reviewPath(id)}>Clear</Link>
            </>
          )}
        </form>
        {failed && !failed.ok ? (
          <ApiErrorNotice error={failed.error} what="the comments" returnTo={reviewPath(id)} />
        ) : comments.length === 0 ? (
          <p className="empty" data-testid="no-comments">
            {filtered ? 'No comment matches.' : 'No comments you may read.'}
          </p>
        ) : (
          comments.map((comment) => (
            <CommentCard key={comment.id} comment={comment} others={comments} versions={versions} />
          ))
        )}
      </section>
    </DetailPage>
  );
}

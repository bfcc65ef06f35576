import {
  COMMENT_KINDS,
  COMMENT_LOCATION_MAX_LENGTH,
  DISPOSITION_RESPONSE_MAX_LENGTH,
  DISPOSITIONS,
  REVIEW_COMMENT_MAX_LENGTH,
  type ReviewComment,
} from '@liaison/core';
import {
  editCommentAction,
  setDispositionAction,
  withdrawCommentAction,
} from '../../app/reviews/actions';
import { formatBytes, formatDate } from '../../lib/format';
import { commentAttachmentHref, DISPOSITION_LABELS, KIND_LABELS } from '../../lib/review-rules';
import { ConfirmAction } from '../confirm-action';
import { LabelledOptions, VersionOptions } from '../select-options';
import { ActionForm } from './action-form';

/**
 * One comment with its disposition; the disposition form for the owner's editors and the
 * withdraw button for its author, each only where the API's permissions say.
 */
export function CommentCard({
  comment,
  others,
  versions,
}: {
  comment: ReviewComment;
  /** The review's other comments, for "duplicate of". */
  others: ReviewComment[];
  /** The document's versions, for "resolved in". */
  versions: Array<{ id: string; label: string }>;
}) {
  const { disposition } = comment;
  const who = [comment.organization?.name, comment.author].filter(Boolean).join(' · ');
  return (
    <article
      className="card review-comment"
      id={`comment-${comment.number}`}
      aria-labelledby={`comment-${comment.number}-title`}
      data-testid="review-comment"
    >
      <h3 id={`comment-${comment.number}-title`} className="card__title">
        Comment {comment.number} · {KIND_LABELS[comment.kind]}
        {comment.location && <span className="muted"> · {comment.location}</span>}
        {comment.withdrawn && <span className="badge badge--danger">Withdrawn</span>}
      </h3>
      <p className="muted small">
        {who || 'Unknown commenter'} · on {comment.version.label} ·{' '}
        <time dateTime={comment.createdAt}>{formatDate(comment.createdAt)}</time>
      </p>
      <p className="pre-wrap">{comment.body}</p>
      {comment.proposedChange && (
        <>
          <p className="small">
            <strong>Proposed change</strong>
          </p>
          <p className="pre-wrap">{comment.proposedChange}</p>
        </>
      )}
      {comment.attachment && (
        <p className="small">
          Attachment:{' '}
          <a href={commentAttachmentHref(comment.review, comment.id)} download>
            {comment.attachment.filename}
          </a>{' '}
          ({formatBytes(comment.attachment.size)})
        </p>
      )}
      {disposition ? (
        <div className="notice notice--info" data-testid="comment-disposition">
          <p className="notice__title">
            {DISPOSITION_LABELS[disposition.value]}
            {disposition.duplicateOf &&
              ` of comment ${others.find((o) => o.id === disposition.duplicateOf)?.number ?? '?'}`}
            {disposition.resolvedIn && ` · resolved in ${disposition.resolvedIn.label}`}
          </p>
          {disposition.response && <p className="pre-wrap">{disposition.response}</p>}
          <p className="muted small">
            {disposition.by ? `${disposition.by} · ` : ''}
            <time dateTime={disposition.at}>{formatDate(disposition.at)}</time>
          </p>
        </div>
      ) : (
        !comment.withdrawn && <p className="muted small">No disposition yet.</p>
      )}
      {comment.permissions.edit && !comment.withdrawn && (
        <details className="review-comment__dispose">
          <summary>Edit comment</summary>
          <ActionForm
            action={editCommentAction.bind(null, comment.review, comment.id)}
            submitLabel="Save comment"
            label={`Edit comment ${comment.number}`}
          >
            <div className="field">
              <label className="field__label" htmlFor={`edit-location-${comment.id}`}>
                Location <span className="muted">(page, section or line)</span>
              </label>
              <input
                id={`edit-location-${comment.id}`}
                name="location"
                maxLength={COMMENT_LOCATION_MAX_LENGTH}
                defaultValue={comment.location}
              />
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`edit-kind-${comment.id}`}>
                Kind
              </label>
              <select id={`edit-kind-${comment.id}`} name="kind" defaultValue={comment.kind}>
                <LabelledOptions values={COMMENT_KINDS} labels={KIND_LABELS} />
              </select>
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`edit-body-${comment.id}`}>
                Comment
              </label>
              <textarea
                id={`edit-body-${comment.id}`}
                name="body"
                rows={5}
                required
                maxLength={REVIEW_COMMENT_MAX_LENGTH}
                defaultValue={comment.body}
              />
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`edit-change-${comment.id}`}>
                Proposed change <span className="muted">(optional)</span>
              </label>
              <textarea
                id={`edit-change-${comment.id}`}
                name="proposedChange"
                rows={3}
                maxLength={REVIEW_COMMENT_MAX_LENGTH}
                defaultValue={comment.proposedChange}
              />
            </div>
          </ActionForm>
        </details>
      )}
      {comment.permissions.edit && !comment.withdrawn && (
        <ConfirmAction
          action={withdrawCommentAction.bind(null, comment.review, comment.id)}
          trigger="Withdraw comment"
          triggerContext={`comment ${comment.number}`}
          title={`Withdraw comment ${comment.number}?`}
          confirmLabel="Withdraw comment"
          small
        >
          <p>The comment stays listed, marked withdrawn, and gets no disposition.</p>
        </ConfirmAction>
      )}
      {comment.permissions.dispose && !comment.withdrawn && (
        <details className="review-comment__dispose">
          <summary>{disposition ? 'Change the disposition' : 'Give a disposition'}</summary>
          <ActionForm
            action={setDispositionAction.bind(null, comment.review, comment.id)}
            submitLabel="Save disposition"
            label={`Disposition of comment ${comment.number}`}
          >
            <div className="field">
              <label className="field__label" htmlFor={`disposition-${comment.id}`}>
                Disposition
              </label>
              <select
                id={`disposition-${comment.id}`}
                name="disposition"
                defaultValue={disposition?.value ?? ''}
                required
              >
                <option value="" disabled>
                  Choose…
                </option>
                <LabelledOptions values={DISPOSITIONS} labels={DISPOSITION_LABELS} />
              </select>
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`response-${comment.id}`}>
                Response
              </label>
              <textarea
                id={`response-${comment.id}`}
                name="response"
                rows={4}
                maxLength={DISPOSITION_RESPONSE_MAX_LENGTH}
                defaultValue={disposition?.response ?? ''}
              />
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`duplicate-${comment.id}`}>
                Duplicate of <span className="muted">(for “Duplicate”)</span>
              </label>
              <select
                id={`duplicate-${comment.id}`}
                name="duplicateOf"
                defaultValue={disposition?.duplicateOf ?? ''}
              >
                <option value="">—</option>
                {others
                  .filter((other) => other.id !== comment.id)
                  .map((other) => (
                    <option key={other.id} value={other.id}>
                      Comment {other.number}
                    </option>
                  ))}
              </select>
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`resolved-${comment.id}`}>
                Resolved in version <span className="muted">(optional)</span>
              </label>
              <select
                id={`resolved-${comment.id}`}
                name="resolvedInVersionId"
                defaultValue={disposition?.resolvedIn?.id ?? ''}
              >
                <option value="">—</option>
                <VersionOptions versions={versions} />
              </select>
            </div>
          </ActionForm>
        </details>
      )}
    </article>
  );
}

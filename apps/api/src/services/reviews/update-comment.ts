import { ConflictError, type ReviewComment, type UpdateCommentBody } from '@liaison/core';
import {
  findComment,
  type Pool,
  recordAuditEvent,
  updateCommentFields,
  withTransaction,
} from '@liaison/db';
import { auditedBy, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { requireAuthorChange } from './comment-changes.js';
import { findReadableComment, reviewSubjectOf, toComment } from './review-view.js';

/** The author edits their comment while the review is open and the comment has no disposition. */
export async function updateComment(
  pool: Pool,
  context: RequestContext,
  id: string,
  body: UpdateCommentBody,
): Promise<ReviewComment> {
  requireUser(context.actor);
  const review = await withTransaction(pool, async (client) => {
    const { comment, review } = await findReadableComment(client, context.actor, id, {
      lock: true,
    });
    requireAuthorChange(context.actor, comment, review, 'edit');
    if (reviewSubjectOf(review).state !== 'open') {
      throw new ConflictError('The review is closed: comments no longer change', 'review_closed');
    }
    await updateCommentFields(client, id, body);
    await recordAuditEvent(client, {
      ...auditedBy(context, comment.organization ? [comment.organization.slug] : []),
      action: 'review.comment.update',
      objectType: 'review-comment',
      objectId: id,
      organization: review.document.organization,
      details: { reviewId: review.id, number: comment.number, fields: Object.keys(body) },
    });
    return review;
  });
  return toComment((await findComment(pool, id))!, review, context.actor);
}

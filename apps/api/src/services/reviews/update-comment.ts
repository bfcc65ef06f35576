import { ConflictError, type ReviewComment, type UpdateCommentBody } from '@liaison/core';
import { type Pool, updateCommentFields } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { auditOwnComment, changeOwnComment } from './comment-changes.js';
import { reviewSubjectOf } from './review-view.js';

/** The author edits their comment while the review is open and the comment has no disposition. */
export async function updateComment(
  pool: Pool,
  context: RequestContext,
  id: string,
  body: UpdateCommentBody,
): Promise<ReviewComment> {
  return changeOwnComment(pool, context, id, 'edit', async (client, comment, review) => {
    if (reviewSubjectOf(review).state !== 'open') {
      throw new ConflictError('The review is closed: comments no longer change', 'review_closed');
    }
    await updateCommentFields(client, id, body);
    await auditOwnComment(client, context, comment, review, {
      action: 'review.comment.update',
      details: { reviewId: review.id, number: comment.number, fields: Object.keys(body) },
    });
  });
}

import type { ReviewComment } from '@liaison/core';
import {
  findComment,
  markCommentWithdrawn,
  type Pool,
  recordAuditEvent,
  withTransaction,
} from '@liaison/db';
import { auditedBy, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { requireAuthorChange } from './comment-changes.js';
import { findReadableComment, toComment } from './review-view.js';

/** The author withdraws their comment until it has a disposition; it stays listed, marked withdrawn. */
export async function withdrawComment(
  pool: Pool,
  context: RequestContext,
  id: string,
): Promise<ReviewComment> {
  requireUser(context.actor);
  const review = await withTransaction(pool, async (client) => {
    const { comment, review } = await findReadableComment(client, context.actor, id, {
      lock: true,
    });
    requireAuthorChange(context.actor, comment, review, 'withdraw');
    await markCommentWithdrawn(client, id);
    await recordAuditEvent(client, {
      ...auditedBy(context, comment.organization ? [comment.organization.slug] : []),
      action: 'review.comment.withdraw',
      objectType: 'review-comment',
      objectId: id,
      organization: review.document.organization,
      details: { reviewId: review.id, number: comment.number },
    });
    return review;
  });
  return toComment((await findComment(pool, id))!, review, context.actor);
}

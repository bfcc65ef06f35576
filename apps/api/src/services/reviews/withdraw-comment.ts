import type { ReviewComment } from '@liaison/core';
import { markCommentWithdrawn, type Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { auditOwnComment, changeOwnComment } from './comment-changes.js';

/** The author withdraws their comment until it has a disposition; it stays listed, marked withdrawn. */
export async function withdrawComment(
  pool: Pool,
  context: RequestContext,
  id: string,
): Promise<ReviewComment> {
  return changeOwnComment(pool, context, id, 'withdraw', async (client, comment, review) => {
    await markCommentWithdrawn(client, id);
    await auditOwnComment(client, context, comment, review, {
      action: 'review.comment.withdraw',
      details: { reviewId: review.id, number: comment.number },
    });
  });
}

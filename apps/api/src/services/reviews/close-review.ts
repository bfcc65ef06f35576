import { ConflictError, type Review } from '@liaison/core';
import { markReviewClosed, type Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { auditReview, changeReview } from './change-review.js';
import { reviewSubjectOf } from './review-view.js';

/** Closes an open review before its date: no new comments from now on. */
export async function closeReview(
  pool: Pool,
  context: RequestContext,
  id: string,
): Promise<Review> {
  return changeReview(pool, context, id, 'manage', async (client, record, userId) => {
    if (reviewSubjectOf(record).state !== 'open') {
      throw new ConflictError('The review is already closed', 'review_closed');
    }
    await markReviewClosed(client, id, userId);
    await auditReview(client, context, record, {
      action: 'review.close',
      details: { closesOn: record.closesOn },
    });
  });
}

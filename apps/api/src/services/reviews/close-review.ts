import { ConflictError, type Review } from '@liaison/core';
import { findReview, markReviewClosed, type Pool, withTransaction } from '@liaison/db';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import {
  findReadableReview,
  loadReview,
  requireReviewAction,
  reviewSubjectOf,
} from './review-view.js';

/** Closes an open review before its date: no new comments from now on. */
export async function closeReview(
  pool: Pool,
  context: RequestContext,
  id: string,
): Promise<Review> {
  const { userId } = requireUser(context.actor);
  await withTransaction(pool, async (client) => {
    const record = await findReadableReview(client, context.actor, id, { lock: true });
    requireReviewAction(context.actor, record, 'manage');
    if (reviewSubjectOf(record).state !== 'open') {
      throw new ConflictError('The review is already closed', 'review_closed');
    }
    await markReviewClosed(client, id, userId);
    await auditAction(client, context, record.document.organization, {
      action: 'review.close',
      objectType: 'review',
      objectId: id,
      details: { closesOn: record.closesOn },
    });
  });
  return loadReview(pool, (await findReview(pool, id))!, context.actor);
}

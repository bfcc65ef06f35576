import { ConflictError, type Review, type UpdateReviewBody } from '@liaison/core';
import { type Pool, updateReviewFields } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { auditReview, changeReview } from './change-review.js';
import { requireClosingDate } from './review-dates.js';
import { reviewSubjectOf, today } from './review-view.js';

/** Extends (or shortens, never into the past), retitles or re-notes an open review. */
export async function updateReview(
  pool: Pool,
  context: RequestContext,
  id: string,
  body: UpdateReviewBody,
): Promise<Review> {
  return changeReview(pool, context, id, 'manage', async (client, record) => {
    if (reviewSubjectOf(record).state !== 'open') {
      throw new ConflictError('The review is closed: open a new one instead', 'review_closed');
    }
    if (body.closesOn !== undefined) requireClosingDate(body.closesOn, today());
    await updateReviewFields(client, id, body);
    await auditReview(client, context, record, {
      action: 'review.update',
      details: {
        ...body,
        ...(body.closesOn !== undefined ? { previousClosesOn: record.closesOn } : {}),
      },
    });
  });
}

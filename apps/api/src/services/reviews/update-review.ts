import { ConflictError, type Review, type UpdateReviewBody } from '@liaison/core';
import { findReview, type Pool, updateReviewFields, withTransaction } from '@liaison/db';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { requireClosingDate } from './review-dates.js';
import {
  findReadableReview,
  loadReview,
  requireReviewAction,
  reviewSubjectOf,
  today,
} from './review-view.js';

/** Extends (or shortens, never into the past), retitles or re-notes an open review. */
export async function updateReview(
  pool: Pool,
  context: RequestContext,
  id: string,
  body: UpdateReviewBody,
): Promise<Review> {
  requireUser(context.actor);
  await withTransaction(pool, async (client) => {
    const record = await findReadableReview(client, context.actor, id, { lock: true });
    requireReviewAction(context.actor, record, 'manage');
    if (reviewSubjectOf(record).state !== 'open') {
      throw new ConflictError('The review is closed: open a new one instead', 'review_closed');
    }
    if (body.closesOn !== undefined) requireClosingDate(body.closesOn, today());
    await updateReviewFields(client, id, body);
    await auditAction(client, context, record.document.organization, {
      action: 'review.update',
      objectType: 'review',
      objectId: id,
      details: {
        ...body,
        ...(body.closesOn !== undefined ? { previousClosesOn: record.closesOn } : {}),
      },
    });
  });
  return loadReview(pool, (await findReview(pool, id))!, context.actor);
}

import type { Review, ReviewAction } from '@liaison/core';
import {
  findReview,
  type NewAuditEvent,
  type Pool,
  type PoolClient,
  type Queryable,
  type ReviewRecord,
  withTransaction,
} from '@liaison/db';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { findReadableReview, loadReview, requireReviewAction } from './review-view.js';

/**
 * Runs `change` on a review the actor may take `action` on, its row locked for the transaction,
 * then answers the review as committed.
 */
export async function changeReview(
  pool: Pool,
  context: RequestContext,
  id: string,
  action: ReviewAction,
  change: (client: PoolClient, record: ReviewRecord, userId: string) => Promise<void>,
): Promise<Review> {
  const { userId } = requireUser(context.actor);
  await withTransaction(pool, async (client) => {
    const record = await findReadableReview(client, context.actor, id, { lock: true });
    requireReviewAction(context.actor, record, action);
    await change(client, record, userId);
  });
  return loadReview(pool, (await findReview(pool, id))!, context.actor);
}

/** Records in the audit trail what was done to a review, an object of its document's owner. */
export async function auditReview(
  db: Queryable,
  context: RequestContext,
  review: ReviewRecord,
  event: Pick<NewAuditEvent, 'action' | 'details'>,
): Promise<void> {
  await auditAction(db, context, review.document.organization, {
    ...event,
    objectType: 'review',
    objectId: review.id,
  });
}

import { ConflictError, type Review } from '@liaison/core';
import { findReview, markReviewLogPublished, type Pool, withTransaction } from '@liaison/db';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { findReadableReview, loadReview, requireReviewAction } from './review-view.js';

/**
 * Publishes the resolution log: from now on every reader of the document reads every comment and
 * its disposition, attributed to the commenter's organization, never the person. For good.
 */
export async function publishResolutionLog(
  pool: Pool,
  context: RequestContext,
  id: string,
): Promise<Review> {
  const { userId } = requireUser(context.actor);
  await withTransaction(pool, async (client) => {
    const record = await findReadableReview(client, context.actor, id, { lock: true });
    requireReviewAction(context.actor, record, 'publish-log');
    if (record.logPublishedAt !== null) {
      throw new ConflictError('The resolution log is already published', 'log_already_published');
    }
    await markReviewLogPublished(client, id, userId);
    await auditAction(client, context, record.document.organization, {
      action: 'review.log.publish',
      objectType: 'review',
      objectId: id,
      details: { documentId: record.document.id, version: record.version.label },
    });
  });
  return loadReview(pool, (await findReview(pool, id))!, context.actor);
}

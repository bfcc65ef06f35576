import { ConflictError, type Review } from '@liaison/core';
import { markReviewLogPublished, type Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { auditReview, changeReview } from './change-review.js';

/**
 * Publishes the resolution log: from now on every reader of the document reads every comment and
 * its disposition, attributed to the commenter's organization, never the person. For good.
 */
export async function publishResolutionLog(
  pool: Pool,
  context: RequestContext,
  id: string,
): Promise<Review> {
  return changeReview(pool, context, id, 'publish-log', async (client, record, userId) => {
    if (record.logPublishedAt !== null) {
      throw new ConflictError('The resolution log is already published', 'log_already_published');
    }
    await markReviewLogPublished(client, id, userId);
    await auditReview(client, context, record, {
      action: 'review.log.publish',
      details: { documentId: record.document.id, version: record.version.label },
    });
  });
}

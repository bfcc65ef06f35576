import { allowComment, type ReviewCommentList, type ReviewCommentListQuery } from '@liaison/core';
import { listReadableComments, type Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { commentSubjectOf, findReadableReview, toComment, viewerOf } from './review-view.js';

/** The review's comments the caller may read, oldest first (by number). */
export async function listComments(
  pool: Pool,
  context: RequestContext,
  reviewId: string,
  query: ReviewCommentListQuery,
): Promise<ReviewCommentList> {
  const review = await findReadableReview(pool, context.actor, reviewId);
  const limit = query.limit ?? 25;
  const records = await listReadableComments(pool, {
    reviewId,
    viewer: viewerOf(context.actor),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.disposition ? { disposition: query.disposition } : {}),
    ...(query.cursor ? { afterNumber: Number(query.cursor) } : {}),
    limit: limit + 1,
  });
  const page = records.slice(0, limit);
  // The SQL filter already applied the read rule; the policy has the last word all the same.
  const items = page
    .filter((comment) => allowComment(context.actor, 'read', commentSubjectOf(comment, review)))
    .map((comment) => toComment(comment, review, context.actor));
  return {
    items,
    nextCursor: records.length > limit ? String(page[page.length - 1]!.number) : null,
  };
}

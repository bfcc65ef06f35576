import {
  allowReview,
  type DocumentReviewListQuery,
  InvalidInputError,
  type MyReviewListQuery,
  type ReviewList,
} from '@liaison/core';
import { listCommentableReviews, listDocumentReviews, type Pool } from '@liaison/db';
import { findReadableDocument } from '../documents/document-view.js';
import type { RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { reviewSubjectOf, today, toReviews, viewerOf } from './review-view.js';

const INVALID_CURSOR = 'The cursor is not one this list gave out';

/** A document's reviews, newest first: whoever may read the document sees them. */
export async function listReviewsOfDocument(
  pool: Pool,
  context: RequestContext,
  documentId: string,
  query: DocumentReviewListQuery,
): Promise<ReviewList> {
  await findReadableDocument(pool, context.actor, documentId);
  const limit = query.limit ?? 25;
  const records = await listDocumentReviews(pool, {
    documentId,
    limit: limit + 1,
    ...(query.cursor !== undefined ? { beforeSeq: query.cursor } : {}),
  });
  const page = records.slice(0, limit);
  return {
    items: await toReviews(pool, page, context.actor),
    nextCursor: records.length > limit ? page[page.length - 1]!.seq : null,
  };
}

/**
 * The reviews the caller may comment on: with `open`, those open now, closing soonest first (the
 * cursor is `closesOn_seq`); otherwise all of them, newest first (the cursor is a seq).
 */
export async function listMyReviews(
  pool: Pool,
  context: RequestContext,
  query: MyReviewListQuery,
): Promise<ReviewList> {
  requireUser(context.actor);
  const open = query.open === true;
  const limit = query.limit ?? 25;
  const match =
    query.cursor === undefined
      ? undefined
      : (open ? /^(\d{4}-\d{2}-\d{2})_(\d+)$/ : /^()(\d+)$/).exec(query.cursor);
  if (query.cursor !== undefined && !match) {
    throw new InvalidInputError(INVALID_CURSOR, 'invalid_cursor');
  }
  const day = today();
  const records = await listCommentableReviews(pool, {
    viewer: viewerOf(context.actor),
    open,
    today: day,
    limit: limit + 1,
    ...(match ? { after: { seq: match[2]!, ...(open ? { closesOn: match[1]! } : {}) } } : {}),
  });
  const page = records.slice(0, limit);
  const last = page[page.length - 1];
  // The SQL filter already applied the rule; the policy has the last word all the same.
  const commentable = page.filter((record) =>
    allowReview(context.actor, 'comment', reviewSubjectOf(record, day)),
  );
  return {
    items: await toReviews(pool, commentable, context.actor),
    nextCursor:
      records.length > limit && last ? (open ? `${last.closesOn}_${last.seq}` : last.seq) : null,
  };
}

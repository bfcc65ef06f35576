import { randomUUID } from 'node:crypto';
import {
  ConflictError,
  canOpenReview,
  ForbiddenError,
  type OpenReviewBody,
  type Review,
  UnprocessableError,
} from '@liaison/core';
import {
  findOpenReviewOfDocument,
  findReview,
  findVersion,
  insertReview,
  lockDocument,
  type Pool,
  withTransaction,
} from '@liaison/db';
import { findReadableDocument, subjectOf } from '../documents/document-view.js';
import { reviewMails } from '../notifications/review-mails.js';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { requireClosingDate } from './review-dates.js';
import { loadReview, today } from './review-view.js';

/**
 * Opens a call for comments on one version of a document (its owner's editors and admins), at
 * most one open at a time: the document's row lock makes two concurrent openings queue up, and
 * the second finds the first.
 */
export async function openReview(
  pool: Pool,
  context: RequestContext,
  documentId: string,
  body: OpenReviewBody,
): Promise<Review> {
  const { userId } = requireUser(context.actor);
  const day = today();
  const reviewId = randomUUID();
  await withTransaction(pool, async (client) => {
    await lockDocument(client, documentId);
    const document = await findReadableDocument(client, context.actor, documentId);
    if (!canOpenReview(context.actor, subjectOf(document))) {
      throw new ForbiddenError(
        "Only editors and admins of the document's owner may open a review of it",
      );
    }
    const version = await findVersion(client, documentId, body.versionId);
    if (!version || version.withdrawnAt) {
      throw new UnprocessableError(
        'The version is not a current version of this document',
        'unknown_version',
      );
    }
    requireClosingDate(body.closesOn, day);
    const open = await findOpenReviewOfDocument(client, documentId, day);
    if (open) {
      throw new ConflictError(
        `The review "${open.title}" of this document is open until ${open.closesOn}: close it first`,
        'review_already_open',
      );
    }
    await insertReview(client, {
      id: reviewId,
      documentId,
      versionId: version.id,
      title: body.title,
      note: body.note ?? '',
      closesOn: body.closesOn,
      requiresIpr: body.requireIprAcknowledgement ?? false,
      createdBy: userId,
    });
    await auditAction(client, context, document.organization, {
      action: 'review.open',
      objectType: 'review',
      objectId: reviewId,
      details: {
        documentId,
        version: version.label,
        title: body.title,
        closesOn: body.closesOn,
        requiresIpr: body.requireIprAcknowledgement ?? false,
      },
    });
    await reviewMails.opened(client, { reviewId, actorEmail: context.actor.email });
  });
  return loadReview(pool, (await findReview(pool, reviewId))!, context.actor);
}

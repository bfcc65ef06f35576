import {
  ConflictError,
  type DispositionBody,
  InvalidInputError,
  type ReviewComment,
  UnprocessableError,
} from '@liaison/core';
import {
  findComment,
  findVersion,
  isCommentOfReview,
  type Pool,
  upsertDisposition,
  withTransaction,
} from '@liaison/db';
import { reviewMails } from '../notifications/review-mails.js';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { findReadableComment, requireReviewAction, toComment } from './review-view.js';

/**
 * Gives a comment its disposition (the owner's editors and admins), replacing an earlier one, at
 * any time: dispositions are mostly written after the review closed. The author is told by mail.
 */
export async function setDisposition(
  pool: Pool,
  context: RequestContext,
  id: string,
  body: DispositionBody,
): Promise<ReviewComment> {
  const { userId } = requireUser(context.actor);
  const duplicateOf = body.duplicateOf ?? null;
  const resolvedIn = body.resolvedInVersionId ?? null;
  const review = await withTransaction(pool, async (client) => {
    const { comment, review } = await findReadableComment(client, context.actor, id, {
      lock: true,
    });
    requireReviewAction(context.actor, review, 'dispose');
    if (comment.withdrawnAt !== null) {
      throw new ConflictError('The comment was withdrawn by its author', 'comment_withdrawn');
    }
    if (body.disposition === 'duplicate' && duplicateOf === null) {
      throw new UnprocessableError(
        "A duplicate names the comment it duplicates: send 'duplicateOf'",
        'duplicate_of_required',
      );
    }
    if (body.disposition !== 'duplicate' && duplicateOf !== null) {
      throw new InvalidInputError("'duplicateOf' goes only with the duplicate disposition");
    }
    if (
      duplicateOf !== null &&
      (duplicateOf === id || !(await isCommentOfReview(client, review.id, duplicateOf)))
    ) {
      throw new UnprocessableError(
        'A comment duplicates another comment of the same review',
        'unknown_comment',
      );
    }
    if (resolvedIn !== null && !(await findVersion(client, review.document.id, resolvedIn))) {
      throw new UnprocessableError(
        'The resolving version is not a version of this document',
        'unknown_version',
      );
    }
    await upsertDisposition(client, {
      commentId: id,
      reviewId: review.id,
      value: body.disposition,
      response: body.response,
      resolvedInVersionId: resolvedIn,
      duplicateOf,
      decidedBy: userId,
    });
    await auditAction(client, context, review.document.organization, {
      action: 'review.comment.dispose',
      objectType: 'review-comment',
      objectId: id,
      details: {
        reviewId: review.id,
        number: comment.number,
        disposition: body.disposition,
        ...(comment.disposition ? { previous: comment.disposition.value } : {}),
        ...(duplicateOf ? { duplicateOf } : {}),
        ...(resolvedIn ? { resolvedIn } : {}),
      },
    });
    await reviewMails.disposed(client, { commentId: id, actorEmail: context.actor.email });
    return review;
  });
  return toComment((await findComment(pool, id))!, review, context.actor);
}

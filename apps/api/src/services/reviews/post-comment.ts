import { randomUUID } from 'node:crypto';
import {
  type Actor,
  allowReview,
  CommentFields,
  ConflictError,
  commentingOrganization,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  organizationsGrantingRead,
  type ReviewComment,
  UnprocessableError,
} from '@liaison/core';
import {
  findComment,
  findIprPolicy,
  findReview,
  insertComment,
  lockIprPolicy,
  type Pool,
  type ReviewRecord,
  recordAuditEvent,
  takeCommentNumber,
  withTransaction,
} from '@liaison/db';
import { auditedBy, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { IPR_HASH_MISSING, requireCurrentPolicy } from '../submissions/ipr-acknowledgement.js';
import {
  receiveUploadForm,
  type UploadPart,
  type UploadUseCaseDependencies,
} from '../uploads/receive-upload-form.js';
import { findReadableReview, reviewSubjectOf, toComment } from './review-view.js';
import { commentAttachmentStorageKey } from './storage-keys.js';

const IPR_NOT_ACCEPTED = {
  code: 'ipr_not_accepted',
  message: "This review asks commenters to acknowledge the owner's IPR policy: send acceptIpr=true",
};

/** The review must be open now: checked before the file streams and again under its row lock. */
function requireOpen(review: ReviewRecord) {
  if (reviewSubjectOf(review).state !== 'open') {
    throw new ConflictError(`The review closed on ${review.closesOn}`, 'review_closed');
  }
}

/** Every rule that can be checked before a byte of the attachment is stored. */
async function checkComment(pool: Pool, actor: Actor, reviewId: string, form: CommentFields) {
  const review = await findReadableReview(pool, actor, reviewId);
  if (!allowReview(actor, 'comment', reviewSubjectOf(review))) {
    throw new ForbiddenError('Only those who may read the reviewed version may comment on it');
  }
  requireOpen(review);
  if (form.versionId !== review.version.id) {
    throw new UnprocessableError(
      `This review is of version ${review.version.label}: comment on that one`,
      'wrong_version',
    );
  }
  if (review.requiresIpr) {
    if (form.acceptIpr !== 'true')
      throw new InvalidInputError(IPR_NOT_ACCEPTED.message, IPR_NOT_ACCEPTED.code);
    if (form.iprPolicySha256 === undefined) {
      throw new InvalidInputError(IPR_HASH_MISSING.message, IPR_HASH_MISSING.code);
    }
    const policy = await findIprPolicy(pool, review.document.organization);
    requireCurrentPolicy(policy?.text ?? '', form.iprPolicySha256);
  }
  return review;
}

/**
 * Posts a comment from a multipart form: the text fields first (checked, with the IPR
 * acknowledgement when the review asks for one, before any byte is stored), then at most one
 * attachment in 'file', streamed into storage. The row is written once the file is stored, under
 * the review's row lock (a review closed meanwhile refuses it), with the audit event; on any
 * failure the stored file is removed again.
 */
export async function postComment(
  deps: UploadUseCaseDependencies,
  context: RequestContext,
  reviewId: string,
  parts: AsyncIterable<UploadPart>,
): Promise<ReviewComment> {
  const { userId } = requireUser(context.actor);
  const commentId = randomUUID();
  return receiveUploadForm(
    deps,
    parts,
    {
      fields: CommentFields,
      refusals: { acceptIpr: { invalid: IPR_NOT_ACCEPTED } },
      maxFiles: { count: 1, code: 'too_many_files', message: 'Attach at most one file' },
      filesOptional: true,
      storageKey: () => commentAttachmentStorageKey(reviewId, commentId),
      check: (form) => checkComment(deps.pool, context.actor, reviewId, form),
    },
    async ({ fields: form, checked: review, files }) => {
      const subject = reviewSubjectOf(review);
      const organization = commentingOrganization(
        context.actor,
        organizationsGrantingRead(subject.document),
      );
      const file = files[0];
      await withTransaction(deps.pool, async (client) => {
        const locked = await findReview(client, reviewId, { lock: true });
        // Deleted with its document while the file streamed.
        if (!locked) throw new NotFoundError('No such review');
        requireOpen(locked);
        if (review.requiresIpr) {
          // The policy may have changed while the file streamed: the acknowledgement must match
          // the text in force when the comment is made.
          requireCurrentPolicy(
            (await lockIprPolicy(client, review.document.organization)) ?? '',
            form.iprPolicySha256,
          );
        }
        const number = await takeCommentNumber(client, reviewId);
        await insertComment(client, {
          id: commentId,
          reviewId,
          number,
          versionId: form.versionId,
          location: form.location ?? '',
          kind: form.kind,
          body: form.body,
          proposedChange: form.proposedChange ?? '',
          attachment: file
            ? {
                filename: file.filename,
                size: file.size,
                mediaType: file.mediaType,
                sha256: file.sha256,
                storageKey: file.storageKey,
              }
            : null,
          authorId: userId,
          organization,
          iprPolicySha256: review.requiresIpr ? (form.iprPolicySha256 ?? null) : null,
        });
        await recordAuditEvent(client, {
          ...auditedBy(context, organization ? [organization] : []),
          action: 'review.comment.create',
          objectType: 'review-comment',
          objectId: commentId,
          organization: review.document.organization,
          details: {
            reviewId,
            number,
            kind: form.kind,
            ...(review.requiresIpr ? { iprPolicySha256: form.iprPolicySha256 } : {}),
            ...(file
              ? { attachment: { filename: file.filename, size: file.size, sha256: file.sha256 } }
              : {}),
          },
        });
      });
      const comment = (await findComment(deps.pool, commentId))!;
      return toComment(comment, (await findReview(deps.pool, reviewId))!, context.actor);
    },
  );
}

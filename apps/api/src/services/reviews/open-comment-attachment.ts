import { NotFoundError } from '@liaison/core';
import type { CommentAttachmentRecord, Pool } from '@liaison/db';
import type { ObjectStorage } from '@liaison/storage';
import {
  type AuditedFileContent,
  type FileReadRequest,
  openAuditedFile,
} from '../audited-file-read.js';
import type { RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { findReadableComment } from './review-view.js';

/** The bytes of a comment's attachment, whole or a range. Comments are confidential: every read is audited. */
export async function openCommentAttachment(
  deps: { pool: Pool; storage: ObjectStorage },
  context: RequestContext,
  request: FileReadRequest & { commentId: string },
): Promise<AuditedFileContent<CommentAttachmentRecord>> {
  requireUser(context.actor);
  const { comment, review } = await findReadableComment(
    deps.pool,
    context.actor,
    request.commentId,
  );
  const file = comment.attachment;
  if (!file) throw new NotFoundError('The comment has no attachment');
  const owner = review.document.organization;
  const parties = [owner, ...(comment.organization ? [comment.organization.slug] : [])];
  return openAuditedFile(deps, context, file, request, {
    action: 'review.comment.attachment',
    objectType: 'review-comment',
    objectId: comment.id,
    organization: owner,
    actingFor: parties,
    details: { reviewId: review.id, number: comment.number },
  });
}

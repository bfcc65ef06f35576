import { NotFoundError } from '@liaison/core';
import { type CommentAttachmentRecord, type Pool, recordAuditEvent } from '@liaison/db';
import type { ObjectStorage } from '@liaison/storage';
import {
  type AuditedFileContent,
  type FileReadRequest,
  openAuditedFile,
} from '../audited-file-read.js';
import { auditedBy, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { findReadableComment } from './review-view.js';

export type CommentAttachmentContent = AuditedFileContent<CommentAttachmentRecord>;

/** The bytes of a comment's attachment, whole or a range. Comments are confidential: every read is audited. */
export async function openCommentAttachment(
  deps: { pool: Pool; storage: ObjectStorage },
  context: RequestContext,
  request: FileReadRequest & { commentId: string },
): Promise<CommentAttachmentContent> {
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
  return openAuditedFile(deps.storage, file, request, ({ verb, details }) =>
    recordAuditEvent(deps.pool, {
      ...auditedBy(context, parties),
      action: `review.comment.attachment.${verb}`,
      objectType: 'review-comment',
      objectId: comment.id,
      organization: owner,
      details: { reviewId: review.id, number: comment.number, filename: file.filename, ...details },
    }),
  );
}

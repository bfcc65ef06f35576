import type { Readable } from 'node:stream';
import { isShownInline, NotFoundError } from '@liaison/core';
import { type CommentAttachmentRecord, type Pool, recordAuditEvent } from '@liaison/db';
import type { ObjectStorage } from '@liaison/storage';
import { type ByteRange, resolveConditionalRead, storedFileEtag } from '../../http/range.js';
import { auditedBy, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { findReadableComment } from './review-view.js';

export type CommentAttachmentContent =
  | { kind: 'not-modified'; file: CommentAttachmentRecord; etag: string }
  | {
      kind: 'content';
      file: CommentAttachmentRecord;
      etag: string;
      range: ByteRange | undefined;
      body: Readable;
    };

/** The bytes of a comment's attachment, whole or a range. Comments are confidential: every read is audited. */
export async function openCommentAttachment(
  deps: { pool: Pool; storage: ObjectStorage },
  context: RequestContext,
  request: {
    commentId: string;
    range?: string;
    ifNoneMatch?: string;
    /** Shown in the browser rather than saved: audited as a view, not a download. */
    inline?: boolean;
  },
): Promise<CommentAttachmentContent> {
  requireUser(context.actor);
  const { comment, review } = await findReadableComment(
    deps.pool,
    context.actor,
    request.commentId,
  );
  const file = comment.attachment;
  if (!file) throw new NotFoundError('The comment has no attachment');
  const etag = storedFileEtag(file.sha256);
  const range = resolveConditionalRead(request, etag, Number(file.size));
  const owner = review.document.organization;
  const audit = () =>
    recordAuditEvent(deps.pool, {
      ...auditedBy(context, [owner, ...(comment.organization ? [comment.organization.slug] : [])]),
      action:
        request.inline && isShownInline(file.mediaType)
          ? 'review.comment.attachment.view'
          : 'review.comment.attachment.download',
      objectType: 'review-comment',
      objectId: comment.id,
      organization: owner,
      details: {
        reviewId: review.id,
        number: comment.number,
        filename: file.filename,
        ...(range === 'not-modified'
          ? { notModified: true }
          : range
            ? { range: `${range.start}-${range.end}` }
            : {}),
      },
    });
  if (range === 'not-modified') {
    await audit();
    return { kind: 'not-modified', file, etag };
  }
  const body = await deps.storage.getStream(file.storageKey, range);
  await audit().catch((error: unknown) => {
    body.destroy();
    throw error;
  });
  return { kind: 'content', file, etag, range, body };
}

import type { Readable } from 'node:stream';
import { isShownInline, NotFoundError } from '@liaison/core';
import {
  findStatementAttachment,
  type Pool,
  recordAuditEvent,
  type StatementAttachmentRecord,
} from '@liaison/db';
import type { ObjectStorage } from '@liaison/storage';
import { type ByteRange, resolveConditionalRead, storedFileEtag } from '../../http/range.js';
import { auditedBy, type RequestContext } from '../request-context.js';
import { findReadableStatement } from './statement-view.js';

export type StatementAttachmentContent =
  | { kind: 'not-modified'; file: StatementAttachmentRecord; etag: string }
  | {
      kind: 'content';
      file: StatementAttachmentRecord;
      etag: string;
      range: ByteRange | undefined;
      body: Readable;
    };

/**
 * The bytes of a statement attachment, whole or a range, for whoever may read the statement
 * (anyone, for a public one). Every read is audited, as correspondence between parties is.
 */
export async function openStatementAttachment(
  deps: { pool: Pool; storage: ObjectStorage },
  context: RequestContext,
  request: {
    statementId: string;
    attachmentId: string;
    range?: string;
    ifNoneMatch?: string;
    /** Shown in the browser rather than saved: audited as a view, not a download. */
    inline?: boolean;
  },
): Promise<StatementAttachmentContent> {
  const record = await findReadableStatement(deps.pool, context.actor, request.statementId);
  const file = await findStatementAttachment(deps.pool, request.statementId, request.attachmentId);
  if (!file) throw new NotFoundError('No such attachment');
  const etag = storedFileEtag(file.sha256);
  const range = resolveConditionalRead(request, etag, file.size);
  const parties = [record.from.slug, ...record.to.map((party) => party.slug)];
  const audit = () =>
    recordAuditEvent(deps.pool, {
      ...auditedBy(context, parties),
      action:
        request.inline && isShownInline(file.mediaType)
          ? 'statement.attachment.view'
          : 'statement.attachment.download',
      objectType: 'statement',
      objectId: record.id,
      organization: record.from.slug,
      details: {
        attachmentId: file.id,
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

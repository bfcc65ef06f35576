import type { Readable } from 'node:stream';
import { isShownInline } from '@liaison/core';
import { type Pool, recordAuditEvent } from '@liaison/db';
import type { ObjectStorage } from '@liaison/storage';
import { type ByteRange, resolveConditionalRead, storedFileEtag } from '../http/range.js';
import { auditedBy, type RequestContext } from './request-context.js';

/** What a reader asks of a confidential file: a range, a revalidation, or a view in the browser. */
export interface FileReadRequest {
  range?: string;
  ifNoneMatch?: string;
  /** Shown in the browser rather than saved: audited as a view, not a download. */
  inline?: boolean;
}

export type AuditedFileContent<File> =
  | { kind: 'not-modified'; file: File; etag: string }
  | { kind: 'content'; file: File; etag: string; range: ByteRange | undefined; body: Readable };

/**
 * The audit event every read of one file records. Its action is `<action>.view` when the browser
 * shows the file itself, `<action>.download` otherwise; its details add the file's name and what
 * was read (a range, or a revalidation that sent nothing).
 */
interface FileReadAudit {
  action: 'submission.file' | 'statement.attachment' | 'review.comment.attachment';
  objectType: string;
  objectId: string;
  organization: string;
  /** The organizations whose membership lets the caller read the file (see `auditedBy`). */
  actingFor: readonly string[];
  details: Record<string, unknown>;
}

/**
 * Opens an attachment of confidential correspondence (submission files, statement attachments,
 * comment attachments) for a reader the caller already checked. No byte leaves without its audit
 * event: a body whose event fails to record is destroyed before the error goes up.
 */
export async function openAuditedFile<
  File extends {
    filename: string;
    sha256: string;
    size: number | string;
    storageKey: string;
    mediaType: string;
  },
>(
  deps: { pool: Pool; storage: ObjectStorage },
  context: RequestContext,
  file: File,
  request: FileReadRequest,
  audit: FileReadAudit,
): Promise<AuditedFileContent<File>> {
  const etag = storedFileEtag(file.sha256);
  const range = resolveConditionalRead(request, etag, Number(file.size));
  const verb = request.inline && isShownInline(file.mediaType) ? 'view' : 'download';
  const recordRead = (read: { notModified: true } | { range: string } | Record<string, never>) =>
    recordAuditEvent(deps.pool, {
      ...auditedBy(context, audit.actingFor),
      action: `${audit.action}.${verb}`,
      objectType: audit.objectType,
      objectId: audit.objectId,
      organization: audit.organization,
      details: { ...audit.details, filename: file.filename, ...read },
    });
  if (range === 'not-modified') {
    await recordRead({ notModified: true });
    return { kind: 'not-modified', file, etag };
  }
  const body = await deps.storage.getStream(file.storageKey, range);
  await recordRead(range ? { range: `${range.start}-${range.end}` } : {}).catch(
    (error: unknown) => {
      body.destroy();
      throw error;
    },
  );
  return { kind: 'content', file, etag, range, body };
}

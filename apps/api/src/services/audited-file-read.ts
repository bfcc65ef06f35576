import type { Readable } from 'node:stream';
import { isShownInline } from '@liaison/core';
import type { ObjectStorage } from '@liaison/storage';
import { type ByteRange, resolveConditionalRead, storedFileEtag } from '../http/range.js';

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

/** What the audit event of one read records, besides who read which object. */
export interface FileRead {
  /** A view when the browser shows the file itself, a download otherwise. */
  verb: 'view' | 'download';
  details: { notModified: true } | { range: string } | Record<string, never>;
}

/**
 * Opens an attachment of confidential correspondence (submission files, statement attachments,
 * comment attachments) for a reader the caller already checked. No byte leaves without its audit
 * event: a body whose event fails to record is destroyed before the error goes up.
 */
export async function openAuditedFile<
  File extends { sha256: string; size: number | string; storageKey: string; mediaType: string },
>(
  storage: ObjectStorage,
  file: File,
  request: FileReadRequest,
  audit: (read: FileRead) => Promise<unknown>,
): Promise<AuditedFileContent<File>> {
  const etag = storedFileEtag(file.sha256);
  const range = resolveConditionalRead(request, etag, Number(file.size));
  const verb = request.inline && isShownInline(file.mediaType) ? 'view' : 'download';
  if (range === 'not-modified') {
    await audit({ verb, details: { notModified: true } });
    return { kind: 'not-modified', file, etag };
  }
  const body = await storage.getStream(file.storageKey, range);
  await audit({ verb, details: range ? { range: `${range.start}-${range.end}` } : {} }).catch(
    (error: unknown) => {
      body.destroy();
      throw error;
    },
  );
  return { kind: 'content', file, etag, range, body };
}

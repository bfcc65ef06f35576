import type { Readable } from 'node:stream';
import {
  allowDocument,
  isShownInline,
  NotFoundError,
  organizationsGrantingRead,
} from '@liaison/core';
import { findVersion, type Pool, recordAuditEvent, type VersionRecord } from '@liaison/db';
import type { ObjectStorage } from '@liaison/storage';
import { type ByteRange, resolveConditionalRead, storedFileEtag } from '../../http/range.js';
import { auditedBy, type RequestContext } from '../request-context.js';
import { findReadableDocument, subjectOf } from './document-view.js';

export type VersionContent =
  | { kind: 'not-modified'; version: VersionRecord; etag: string }
  | {
      kind: 'content';
      version: VersionRecord;
      etag: string;
      range: ByteRange | undefined;
      body: Readable;
    };

/**
 * The bytes of a version, whole or a range. Reading a non-public document's file is audited (a
 * preview as a view, anything else as a download);
 * a withdrawn version is served only to those who may withdraw versions (the owner's admins).
 */
export async function openVersionContent(
  deps: { pool: Pool; storage: ObjectStorage },
  context: RequestContext,
  request: {
    documentId: string;
    versionId: string;
    range?: string;
    ifNoneMatch?: string;
    /** Shown in the browser rather than saved: audited as a view, not a download. */
    inline?: boolean;
  },
): Promise<VersionContent> {
  const record = await findReadableDocument(deps.pool, context.actor, request.documentId);
  const version = await findVersion(deps.pool, request.documentId, request.versionId);
  if (
    !version ||
    (version.withdrawnAt && !allowDocument(context.actor, 'withdraw-version', subjectOf(record)))
  ) {
    throw new NotFoundError('No such version');
  }
  const etag = storedFileEtag(version.sha256);
  const range = resolveConditionalRead(request, etag, version.size);
  if (range === 'not-modified') return { kind: 'not-modified', version, etag };
  const body = await deps.storage.getStream(version.storageKey, range);
  if (record.visibility !== 'public') {
    await recordAuditEvent(deps.pool, {
      ...auditedBy(context, organizationsGrantingRead(subjectOf(record))),
      action:
        request.inline && isShownInline(version.mediaType) ? 'version.view' : 'version.download',
      objectType: 'version',
      objectId: version.id,
      organization: record.organization,
      details: {
        documentId: record.id,
        label: version.label,
        ...(range ? { range: `${range.start}-${range.end}` } : {}),
      },
    });
  }
  return { kind: 'content', version, etag, range, body };
}

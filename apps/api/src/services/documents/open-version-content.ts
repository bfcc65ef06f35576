import type { Readable } from 'node:stream';
import { isShownInline, versionDownloadName } from '@liaison/core';
import { findVersion, type VersionRecord } from '@liaison/db';
import { type ByteRange, resolveConditionalRead, storedFileEtag } from '../../http/range.js';
import type { RequestContext } from '../request-context.js';
import { auditVersionRead } from './audit-version-read.js';
import { findReadableDocument, isWatermarkedFor, servedVersion } from './document-view.js';
import { openWatermarkedCopy, type WatermarkDependencies } from './open-watermarked-copy.js';

/** What was read, and `downloadName`: the name the file is saved under (versionDownloadName). */
export type VersionContent = { downloadName: string } & (
  | { kind: 'not-modified'; version: VersionRecord; etag: string }
  | {
      kind: 'content';
      version: VersionRecord;
      etag: string;
      range: ByteRange | undefined;
      body: Readable;
    }
  | { kind: 'stamped'; version: VersionRecord; downloadId: string; body: Readable }
);

/**
 * The bytes of a version, whole or a range. Reading a non-public document's file is audited (a
 * preview as a view, anything else as a download);
 * a withdrawn version is served only to those who may withdraw versions (the owner's admins).
 * A reader who gets a watermarked copy (isCopyWatermarked) gets it whole, whatever Range or
 * If-None-Match say: every copy is a new one, and its download id is in the audit event.
 */
export async function openVersionContent(
  deps: WatermarkDependencies,
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
  const version = servedVersion(
    context.actor,
    record,
    await findVersion(deps.pool, request.documentId, request.versionId),
  );
  const downloadName = versionDownloadName(record.identifier, version.label, version.filename);
  const audit = (details: Record<string, unknown>) =>
    auditVersionRead(
      deps.pool,
      context,
      record,
      version,
      request.inline && isShownInline(version.mediaType) ? 'version.view' : 'version.download',
      details,
    );

  if (isWatermarkedFor(context.actor, record, version)) {
    const copy = await openWatermarkedCopy(deps, context, record, version);
    // No copy leaves without its audit event; a copy not sent is destroyed, which frees its turn.
    await audit({ downloadId: copy.downloadId }).catch((error: unknown) => {
      copy.body.destroy();
      throw error;
    });
    return { kind: 'stamped', version, downloadName, ...copy };
  }
  const etag = storedFileEtag(version.sha256);
  const range = resolveConditionalRead(request, etag, version.size);
  if (range === 'not-modified') return { kind: 'not-modified', version, downloadName, etag };
  const body = await deps.storage.getStream(version.storageKey, range);
  if (record.visibility !== 'public') {
    await audit(range ? { range: `${range.start}-${range.end}` } : {});
  }
  return { kind: 'content', version, downloadName, etag, range, body };
}

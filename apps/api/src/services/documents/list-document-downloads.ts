import {
  allowDocument,
  type DocumentDownloadList,
  type DocumentDownloadsQuery,
  NotFoundError,
} from '@liaison/core';
import { type Pool, listDocumentDownloads as queryDownloads } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { findReadableDocument, subjectOf } from './document-view.js';

const DEFAULT_LIMIT = 50;

/**
 * Who downloaded the document's versions, newest first, from the audit log (previews are views and
 * not listed). For those the policy lets see downloads (the owner's editors, the operator); to
 * anyone else the list does not exist, exactly like a missing document.
 */
export async function listDocumentDownloads(
  pool: Pool,
  context: RequestContext,
  id: string,
  query: DocumentDownloadsQuery,
): Promise<DocumentDownloadList> {
  const record = await findReadableDocument(pool, context.actor, id);
  if (!allowDocument(context.actor, 'see-downloads', subjectOf(record))) {
    throw new NotFoundError('No such document');
  }
  const limit = query.limit ?? DEFAULT_LIMIT;
  const rows = await queryDownloads(pool, record.id, {
    limit: limit + 1,
    ...(query.cursor ? { before: query.cursor } : {}),
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((row) => ({
      id: row.id,
      at: row.occurredAt.toISOString(),
      reader: { name: row.readerName, email: row.readerEmail },
      organization:
        row.organization && row.organizationName
          ? { slug: row.organization, name: row.organizationName }
          : null,
      version: { id: row.versionId, label: row.versionLabel },
      watermarked: row.downloadId !== null,
      downloadId: row.downloadId,
    })),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
  };
}

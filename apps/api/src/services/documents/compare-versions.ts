import type { CompareQuery, VersionComparison } from '@liaison/core';
import { listVersions, type Pool, readVersionText, type VersionRecord } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { diffPages } from './diff-pages.js';
import { findReadableDocument, servedVersion } from './document-view.js';

/**
 * What changed in the text between two versions of a document, word by word and page by page.
 * Read as the versions' files are: an unreadable document or a withdrawn version the caller may
 * not open answers 404 like a missing one. A version whose text is not extracted (yet, or at all)
 * makes the answer `text-missing`, with each version's text status, instead of a diff.
 */
export async function compareVersions(
  pool: Pool,
  context: RequestContext,
  documentId: string,
  query: CompareQuery,
): Promise<VersionComparison> {
  const record = await findReadableDocument(pool, context.actor, documentId);
  const versions = await listVersions(pool, documentId);
  const pick = (ref: string) =>
    servedVersion(
      context.actor,
      record,
      versions.find((version) => version.id === ref) ??
        versions.find((version) => version.label === ref),
    );
  const from = pick(query.from);
  const to = pick(query.to);
  const [fromText, toText] = await Promise.all([
    readVersionText(pool, from.id),
    readVersionText(pool, to.id),
  ]);
  const describe = (version: VersionRecord, text: typeof fromText) => ({
    id: version.id,
    label: version.label,
    mediaType: version.mediaType,
    textStatus: text?.status ?? 'pending',
    textFailure: text?.failure ?? null,
  });
  const sides = { from: describe(from, fromText), to: describe(to, toText) };
  if (fromText?.status !== 'extracted' || toText?.status !== 'extracted') {
    return {
      ...sides,
      status: 'text-missing',
      summary: { changes: 0, pagesWithChanges: 0, pages: 0 },
      pages: [],
      truncated: false,
    };
  }
  return { ...sides, status: 'compared', ...diffPages(fromText.pages, toText.pages) };
}

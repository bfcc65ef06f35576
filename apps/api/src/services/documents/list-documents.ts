import {
  allowDocument,
  type DocumentList,
  type DocumentListQuery,
  organizationsOf,
} from '@liaison/core';
import { listReadableDocuments, type Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { subjectOf, toDocumentSummary } from './document-view.js';

export async function listDocuments(
  pool: Pool,
  context: RequestContext,
  query: DocumentListQuery,
): Promise<DocumentList> {
  const limit = query.limit ?? 25;
  const records = await listReadableDocuments(pool, {
    viewerOrganizations: organizationsOf(context.actor),
    ...(query.q ? { q: query.q } : {}),
    ...(query.organization ? { organization: query.organization } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.visibility ? { visibility: query.visibility } : {}),
    ...(query.register ? { register: query.register } : {}),
    ...(query.released !== undefined ? { released: query.released } : {}),
    ...(query.sort ? { sort: query.sort } : {}),
    ...(query.cursor ? { beforeSeq: query.cursor } : {}),
    limit,
  });
  // The SQL filter already applied the read rule; the policy has the last word all the same.
  const items = records
    .filter((record) => allowDocument(context.actor, 'read', subjectOf(record)))
    .map((record) => toDocumentSummary(record, context.actor));
  const last = records[records.length - 1];
  const lastKey = query.sort === 'released' ? last?.releaseSeq : last?.seq;
  return { items, nextCursor: records.length === limit && lastKey ? lastKey : null };
}

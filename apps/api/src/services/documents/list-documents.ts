import {
  allowDocument,
  type DocumentList,
  type DocumentListQuery,
  organizationsOf,
  parseSearchQuery,
} from '@liaison/core';
import {
  type DocumentSearch,
  findTextMatches,
  listReadableDocuments,
  type Pool,
  searchReadableDocuments,
} from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { subjectOf, toDocumentSummary } from './document-view.js';
import { toTextMatch } from './text-match-view.js';

/** A ranked search's cursor is `<rank>-<seq>`, any other list's a seq (or release seq). */
function cursorKeys(cursor: string | undefined, ranked: boolean) {
  const [, rank, seq] = /^(?:(\d)-)?(\d+)$/.exec(cursor ?? '') ?? [];
  if (!seq) return {};
  return ranked ? { beforeSeq: seq, beforeRank: Number(rank ?? 0) } : { beforeSeq: seq };
}

export async function listDocuments(
  pool: Pool,
  context: RequestContext,
  query: DocumentListQuery,
): Promise<DocumentList> {
  const limit = query.limit ?? 25;
  const parsed = query.q ? parseSearchQuery(query.q) : undefined;
  // Text without a word to look for (only punctuation, only exclusions) finds nothing.
  if (parsed && !parsed.tsquery) return { items: [], nextCursor: null };
  const search: DocumentSearch | undefined = parsed?.tsquery
    ? { tsquery: parsed.tsquery, titleTsquery: parsed.titleTsquery!, identifier: parsed.identifier }
    : undefined;
  const ranked = search !== undefined && query.sort !== 'released';
  const viewerOrganizations = organizationsOf(context.actor);
  const filter = {
    viewerOrganizations,
    ...(query.organization ? { organization: query.organization } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.visibility ? { visibility: query.visibility } : {}),
    ...(query.register ? { register: query.register } : {}),
    ...(query.released !== undefined ? { released: query.released } : {}),
    ...(query.sort ? { sort: query.sort } : {}),
    ...cursorKeys(query.cursor, ranked),
    limit,
  };
  const records = search
    ? await searchReadableDocuments(pool, { ...filter, search })
    : await listReadableDocuments(pool, filter);
  // The SQL filter already applied the read rule; the policy has the last word all the same.
  const readable = records.filter((record) =>
    allowDocument(context.actor, 'read', subjectOf(record)),
  );
  const matches = search
    ? await findTextMatches(pool, {
        documentIds: readable.map((record) => record.id),
        tsquery: search.tsquery,
        viewerOrganizations,
      })
    : [];
  const items = readable.map((record) => {
    const summary = toDocumentSummary(record, context.actor);
    if (!search) return summary;
    const match = matches.find((candidate) => candidate.documentId === record.id);
    return { ...summary, textMatch: match ? toTextMatch(match) : null };
  });
  const last = records[records.length - 1];
  const lastKey = query.sort === 'released' ? last?.releaseSeq : last?.seq;
  const nextCursor = ranked ? `${last?.rank}-${lastKey}` : lastKey;
  return { items, nextCursor: records.length === limit && lastKey ? nextCursor! : null };
}

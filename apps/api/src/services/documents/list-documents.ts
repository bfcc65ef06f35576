import {
  allowDocument,
  type DocumentList,
  type DocumentListQuery,
  InvalidInputError,
  isToldOfRestrictedDocuments,
  organizationsOf,
  parseSearchQuery,
} from '@liaison/core';
import {
  type DocumentSearch,
  findTextMatches,
  listReadableDocuments,
  nonPublicDocumentsExist,
  type Pool,
  type RankedDocumentRecord,
  searchReadableDocuments,
} from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { subjectOf, toDocumentSummary } from './document-view.js';
import { toTextMatch } from './text-match-view.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function isAlphabetical(sort: DocumentListQuery['sort']): sort is 'identifier' | 'title' {
  return sort === 'identifier' || sort === 'title';
}

/**
 * An alphabetical list's cursor is its last document's sort key and id, as base64url JSON; a ranked
 * search's is `<rank>-<seq>`, any other list's a seq (or release seq).
 */
function cursorKeys(cursor: string | undefined, sort: DocumentListQuery['sort'], ranked: boolean) {
  if (cursor === undefined) return {};
  if (isAlphabetical(sort)) return { after: decodeAlphabeticalCursor(cursor) };
  const [, rank, seq] = /^(?:([0-2])-)?(\d{1,19})$/.exec(cursor) ?? [];
  if (!seq)
    throw new InvalidInputError('cursor is not a nextCursor of this sort', 'invalid_cursor');
  return ranked ? { beforeSeq: seq, beforeRank: Number(rank ?? 0) } : { beforeSeq: seq };
}

function encodeAlphabeticalCursor(record: RankedDocumentRecord): string {
  return Buffer.from(JSON.stringify([record.sortKey, record.id])).toString('base64url');
}

function decodeAlphabeticalCursor(cursor: string): { sortKey: string; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[1] !== 'string' ||
    !UUID.test(parsed[1])
  ) {
    throw new InvalidInputError('cursor is not a nextCursor of this sort', 'invalid_cursor');
  }
  return { sortKey: parsed[0], id: parsed[1] };
}

function nextCursorOf(
  records: RankedDocumentRecord[],
  limit: number,
  sort: DocumentListQuery['sort'],
  ranked: boolean,
): string | null {
  const last = records[records.length - 1];
  if (records.length !== limit || !last) return null;
  if (isAlphabetical(sort)) return encodeAlphabeticalCursor(last);
  const lastKey = sort === 'released' ? last.releaseSeq : last.seq;
  if (!lastKey) return null;
  return ranked ? `${last.rank}-${lastKey}` : lastKey;
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
  const ranked = search !== undefined && (query.sort ?? 'created') === 'created';
  const viewerOrganizations = organizationsOf(context.actor);
  const filter = {
    viewerOrganizations,
    ...(query.organization ? { organization: query.organization } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.visibility ? { visibility: query.visibility } : {}),
    ...(query.register ? { register: query.register } : {}),
    ...(query.released !== undefined ? { released: query.released } : {}),
    ...(query.sort ? { sort: query.sort } : {}),
    ...cursorKeys(query.cursor, query.sort, ranked),
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
  return {
    items,
    nextCursor: nextCursorOf(records, limit, query.sort, ranked),
    ...(isToldOfRestrictedDocuments(context.actor)
      ? { restrictedDocumentsExist: await nonPublicDocumentsExist(pool) }
      : {}),
  };
}

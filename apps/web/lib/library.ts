// The library's query string, its "released first" paging, and the links between pages. Pure:
// the page hands in the function that asks the API, so the logic is tested without a server.

import type { DocumentListQuery, DocumentStatus, DocumentSummary } from '@liaison/core';
import { isDocumentStatus, isSlug } from '@liaison/core';

export const LIBRARY_PAGE_SIZE = 20;

/** The API's nextCursor: a seq, or `<rank>-<seq>` for a ranked search. */
const SEQ = /^(?:[0-2]-)?[0-9]{1,19}$/;
const QUERY_MAX = 200;

export interface LibraryFilters {
  q: string;
  organization: string;
  status: DocumentStatus | '';
  register: string;
}

/**
 * Where a page starts. The library lists released documents first, then the others; the cursor
 * says which of the two lists the page is in and where in it ("r<seq>", "w" or "w<seq>").
 */
export interface LibraryCursor {
  phase: 'released' | 'other';
  /** The API's nextCursor within that list; null for its first page. */
  seq: string | null;
}

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

/** The filters in a library URL; anything the API would refuse is dropped rather than sent. */
export function parseLibraryFilters(params: SearchParams): LibraryFilters {
  const q = first(params.q).slice(0, QUERY_MAX);
  const organization = first(params.organization);
  const status = first(params.status);
  const register = first(params.register);
  return {
    q,
    organization: isSlug(organization) ? organization : '',
    status: isDocumentStatus(status) ? status : '',
    register: isSlug(register) ? register : '',
  };
}

export function parseLibraryCursor(raw: string | string[] | undefined): LibraryCursor {
  const value = first(raw);
  const phase = value.startsWith('w') ? 'other' : 'released';
  const seq = value.slice(1);
  if ((value.startsWith('r') || value.startsWith('w')) && SEQ.test(seq)) return { phase, seq };
  if (value === 'w') return { phase: 'other', seq: null };
  return { phase: 'released', seq: null };
}

export function formatLibraryCursor(cursor: LibraryCursor): string {
  return `${cursor.phase === 'released' ? 'r' : 'w'}${cursor.seq ?? ''}`;
}

export function hasFilters(filters: LibraryFilters): boolean {
  return Boolean(filters.q || filters.organization || filters.status || filters.register);
}

/** The library URL for these filters, at a page given by `cursor` (the first page when null). */
export function libraryHref(filters: LibraryFilters, cursor: LibraryCursor | null = null): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.organization) params.set('organization', filters.organization);
  if (filters.status) params.set('status', filters.status);
  if (filters.register) params.set('register', filters.register);
  if (cursor && (cursor.phase === 'other' || cursor.seq)) {
    params.set('cursor', formatLibraryCursor(cursor));
  }
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

/** The query of GET /api/v1/documents for one of the two lists; the filters not set are left out. */
export function documentListQuery(
  filters: LibraryFilters,
  released: boolean,
  seq: string | null,
  limit: number = LIBRARY_PAGE_SIZE,
): DocumentListQuery {
  return {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.organization ? { organization: filters.organization } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.register ? { register: filters.register } : {}),
    released,
    limit,
    ...(seq ? { cursor: seq } : {}),
  };
}

export interface DocumentPage {
  items: DocumentSummary[];
  nextCursor: string | null;
}

export type PageFetch<E> = (
  released: boolean,
  seq: string | null,
) => Promise<{ ok: true; data: DocumentPage } | { ok: false; error: E }>;

export interface LibraryPage {
  /** Released documents on this page; null when the page is past them. */
  released: DocumentSummary[] | null;
  /** The other documents on this page; null when the page has not reached them yet. */
  other: DocumentSummary[] | null;
  next: LibraryCursor | null;
}

/**
 * One page of the library: released documents page by page, and once they run out, the first
 * page of the others on the same page; then the others page by page.
 */
export async function loadLibraryPage<E>(
  fetchPage: PageFetch<E>,
  cursor: LibraryCursor,
): Promise<{ ok: true; page: LibraryPage } | { ok: false; error: E }> {
  let released: DocumentSummary[] | null = null;
  if (cursor.phase === 'released') {
    const result = await fetchPage(true, cursor.seq);
    if (!result.ok) return result;
    released = result.data.items;
    if (result.data.nextCursor) {
      return {
        ok: true,
        page: { released, other: null, next: { phase: 'released', seq: result.data.nextCursor } },
      };
    }
  }
  const result = await fetchPage(false, cursor.phase === 'other' ? cursor.seq : null);
  if (!result.ok) return result;
  return {
    ok: true,
    page: {
      released,
      other: result.data.items,
      next: result.data.nextCursor ? { phase: 'other', seq: result.data.nextCursor } : null,
    },
  };
}

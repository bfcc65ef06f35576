// The library's query string, its "released first" paging, and the links between pages. Pure:
// the page hands in the function that asks the API, so the logic is tested without a server.

import type { DocumentListQuery, DocumentStatus, DocumentSummary } from '@liaison/core';
import { isDocumentStatus, isSlug } from '@liaison/core';

export const LIBRARY_PAGE_SIZE = 20;

/** The API's nextCursor: a seq, or `<rank>-<seq>` for a ranked search. */
const SEQ = /^(?:[0-2]-)?[0-9]{1,19}$/;
/** The API's nextCursor of an alphabetical list (base64url). */
const SORTED_CURSOR = /^[A-Za-z0-9_-]{1,2048}$/;
const QUERY_MAX = 200;

export const LIBRARY_SORTS = ['newest', 'identifier', 'title'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

export const LIBRARY_SORT_LABELS: Record<LibrarySort, string> = {
  newest: 'Newest first',
  identifier: 'Identifier (A to Z)',
  title: 'Title (A to Z)',
};

export interface LibraryFilters {
  q: string;
  organization: string;
  status: DocumentStatus | '';
  register: string;
  /** Newest: released documents first, then the others. Identifier or title: one list, A to Z. */
  sort: LibrarySort;
}

/**
 * Where a page starts. Newest first, the library lists released documents first, then the others;
 * the cursor says which of the two lists the page is in and where in it ("r<seq>", "w" or
 * "w<seq>"). Sorted A to Z it is one list ("a<cursor>").
 */
export interface LibraryCursor {
  phase: 'released' | 'other' | 'sorted';
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
  const sort = LIBRARY_SORTS.find((candidate) => candidate === first(params.sort));
  return {
    q,
    organization: isSlug(organization) ? organization : '',
    status: isDocumentStatus(status) ? status : '',
    register: isSlug(register) ? register : '',
    sort: sort ?? 'newest',
  };
}

export function parseLibraryCursor(raw: string | string[] | undefined): LibraryCursor {
  const value = first(raw);
  if (value.startsWith('a') && SORTED_CURSOR.test(value.slice(1))) {
    return { phase: 'sorted', seq: value.slice(1) };
  }
  const phase = value.startsWith('w') ? 'other' : 'released';
  const seq = value.slice(1);
  if ((value.startsWith('r') || value.startsWith('w')) && SEQ.test(seq)) return { phase, seq };
  if (value === 'w') return { phase: 'other', seq: null };
  return { phase: 'released', seq: null };
}

const CURSOR_PREFIXES = { released: 'r', other: 'w', sorted: 'a' } as const;

export function formatLibraryCursor(cursor: LibraryCursor): string {
  return `${CURSOR_PREFIXES[cursor.phase]}${cursor.seq ?? ''}`;
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
  if (filters.sort !== 'newest') params.set('sort', filters.sort);
  if (cursor && (cursor.phase === 'other' || cursor.seq)) {
    params.set('cursor', formatLibraryCursor(cursor));
  }
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

/**
 * The query of GET /api/v1/documents for one of the two lists (`released`), or for the one list
 * sorted A to Z (null); the filters not set are left out.
 */
export function documentListQuery(
  filters: LibraryFilters,
  released: boolean | null,
  seq: string | null,
  limit: number = LIBRARY_PAGE_SIZE,
): DocumentListQuery {
  return {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.organization ? { organization: filters.organization } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.register ? { register: filters.register } : {}),
    ...(released === null ? {} : { released }),
    ...(filters.sort === 'newest' ? {} : { sort: filters.sort }),
    limit,
    ...(seq ? { cursor: seq } : {}),
  };
}

export interface DocumentPage {
  items: DocumentSummary[];
  nextCursor: string | null;
  /** Told to anonymous callers only: whether any document is not public. */
  restrictedDocumentsExist?: boolean;
}

export type PageFetch<E> = (
  released: boolean | null,
  seq: string | null,
) => Promise<{ ok: true; data: DocumentPage } | { ok: false; error: E }>;

export interface LibraryPage {
  /** Released documents on this page; null when the page is past them or sorted A to Z. */
  released: DocumentSummary[] | null;
  /** The other documents on this page; null when the page has not reached them or sorted A to Z. */
  other: DocumentSummary[] | null;
  /** Sorted A to Z: this page's documents; null when newest first. */
  sorted: DocumentSummary[] | null;
  next: LibraryCursor | null;
  /** Whether signing in may show more (the API tells anonymous callers only). */
  restrictedDocumentsExist: boolean;
}

/**
 * One page of the library: released documents page by page, and once they run out, the first
 * page of the others on the same page; then the others page by page.
 */
export async function loadLibraryPage<E>(
  fetchPage: PageFetch<E>,
  cursor: LibraryCursor,
  sort: LibrarySort = 'newest',
): Promise<{ ok: true; page: LibraryPage } | { ok: false; error: E }> {
  const restricted = (data: DocumentPage) => data.restrictedDocumentsExist === true;
  if (sort !== 'newest') {
    const result = await fetchPage(null, cursor.phase === 'sorted' ? cursor.seq : null);
    if (!result.ok) return result;
    return {
      ok: true,
      page: {
        released: null,
        other: null,
        sorted: result.data.items,
        next: result.data.nextCursor ? { phase: 'sorted', seq: result.data.nextCursor } : null,
        restrictedDocumentsExist: restricted(result.data),
      },
    };
  }
  let released: DocumentSummary[] | null = null;
  let restrictedDocumentsExist = false;
  if (cursor.phase !== 'other') {
    const result = await fetchPage(true, cursor.phase === 'released' ? cursor.seq : null);
    if (!result.ok) return result;
    released = result.data.items;
    restrictedDocumentsExist = restricted(result.data);
    if (result.data.nextCursor) {
      return {
        ok: true,
        page: {
          released,
          other: null,
          sorted: null,
          next: { phase: 'released', seq: result.data.nextCursor },
          restrictedDocumentsExist,
        },
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
      sorted: null,
      next: result.data.nextCursor ? { phase: 'other', seq: result.data.nextCursor } : null,
      restrictedDocumentsExist: restrictedDocumentsExist || restricted(result.data),
    },
  };
}

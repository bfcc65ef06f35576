import type { DocumentSummary } from '@liaison/core';
import { describe, expect, it } from 'vitest';
import {
  type DocumentPage,
  documentListQuery,
  formatLibraryCursor,
  hasFilters,
  type LibraryFilters,
  libraryHref,
  loadLibraryPage,
  parseLibraryCursor,
  parseLibraryFilters,
} from '../lib/library';

const none: LibraryFilters = { q: '', organization: '', status: '', register: '', sort: 'newest' };

describe('parseLibraryFilters', () => {
  it('reads the filters of a library URL', () => {
    expect(
      parseLibraryFilters({
        q: ' redfish ',
        organization: 'dmtf',
        status: 'standard',
        register: 'ofa-dmtf',
      }),
    ).toEqual({
      q: 'redfish',
      organization: 'dmtf',
      status: 'standard',
      register: 'ofa-dmtf',
      sort: 'newest',
    });
    expect(parseLibraryFilters({ sort: 'title' }).sort).toBe('title');
    expect(parseLibraryFilters({ sort: 'identifier' }).sort).toBe('identifier');
  });

  it('drops what the API would refuse rather than failing the page', () => {
    expect(
      parseLibraryFilters({
        q: 'x'.repeat(300),
        organization: 'Not A Slug',
        status: 'draft',
        register: ['ofa-dmtf', 'other'],
        sort: 'random',
      }),
    ).toEqual({
      q: 'x'.repeat(200),
      organization: '',
      status: '',
      register: 'ofa-dmtf',
      sort: 'newest',
    });
    expect(parseLibraryFilters({})).toEqual(none);
  });

  it('knows whether anything is filtered', () => {
    expect(hasFilters(none)).toBe(false);
    expect(hasFilters({ ...none, status: 'standard' })).toBe(true);
  });
});

describe('library cursor', () => {
  it.each([
    [undefined, { phase: 'released', seq: null }],
    ['', { phase: 'released', seq: null }],
    ['r123', { phase: 'released', seq: '123' }],
    ['w', { phase: 'other', seq: null }],
    ['w456', { phase: 'other', seq: '456' }],
    ['r1-123', { phase: 'released', seq: '1-123' }],
    ['w2-456', { phase: 'other', seq: '2-456' }],
    ['w3-456', { phase: 'released', seq: null }],
    ['w12x', { phase: 'released', seq: null }],
    ['123', { phase: 'released', seq: null }],
    ['r', { phase: 'released', seq: null }],
    [`r${'9'.repeat(20)}`, { phase: 'released', seq: null }],
    ['aWyJ0aXRsZSIsIjEiXQ', { phase: 'sorted', seq: 'WyJ0aXRsZSIsIjEiXQ' }],
    ['a', { phase: 'released', seq: null }],
    ['a+/=', { phase: 'released', seq: null }],
  ] as const)('%s', (raw, cursor) => {
    expect(parseLibraryCursor(raw)).toEqual(cursor);
  });

  it('round-trips', () => {
    for (const raw of ['r1', 'w', 'w77', 'w0-77', 'aAbc_-9']) {
      expect(formatLibraryCursor(parseLibraryCursor(raw))).toBe(raw);
    }
  });
});

describe('links and API queries', () => {
  it('builds library links that keep the filters', () => {
    expect(libraryHref(none)).toBe('/');
    expect(libraryHref({ ...none, q: 'fabric model', status: 'work-in-progress' })).toBe(
      '/?q=fabric+model&status=work-in-progress',
    );
    expect(libraryHref({ ...none, organization: 'ofa' }, { phase: 'released', seq: '40' })).toBe(
      '/?organization=ofa&cursor=r40',
    );
    expect(libraryHref(none, { phase: 'other', seq: null })).toBe('/?cursor=w');
    expect(libraryHref(none, { phase: 'released', seq: null })).toBe('/');
    expect(
      libraryHref({ ...none, sort: 'title', status: 'standard' }, { phase: 'sorted', seq: 'Xy_' }),
    ).toBe('/?status=standard&sort=title&cursor=aXy_');
  });

  it('asks the API for one of the two lists', () => {
    expect(documentListQuery(none, true, null)).toEqual({ released: true, limit: 20 });
    expect(documentListQuery({ ...none, q: 'a&b', register: 'ofa-dmtf' }, false, '99', 5)).toEqual({
      q: 'a&b',
      register: 'ofa-dmtf',
      released: false,
      limit: 5,
      cursor: '99',
    });
  });

  it('asks the API for the one list sorted A to Z', () => {
    expect(documentListQuery({ ...none, sort: 'identifier' }, null, 'Xy_')).toEqual({
      sort: 'identifier',
      limit: 20,
      cursor: 'Xy_',
    });
  });
});

describe('loadLibraryPage', () => {
  const doc = (id: string) => ({ id }) as DocumentSummary;
  const lists: Record<string, Record<string, DocumentPage>> = {
    released: {
      start: { items: [doc('r1'), doc('r2')], nextCursor: '10' },
      '10': { items: [doc('r3')], nextCursor: null },
    },
    other: {
      start: { items: [doc('w1'), doc('w2')], nextCursor: '5' },
      '5': { items: [doc('w3')], nextCursor: null },
    },
    sorted: {
      start: { items: [doc('a1'), doc('b1')], nextCursor: 'YjE', restrictedDocumentsExist: true },
      YjE: { items: [doc('c1')], nextCursor: null, restrictedDocumentsExist: true },
    },
  };
  const calls: string[] = [];
  const fetchPage = async (released: boolean | null, seq: string | null) => {
    const list = released === null ? 'sorted' : released ? 'released' : 'other';
    calls.push(`${list}:${seq ?? 'start'}`);
    return { ok: true as const, data: lists[list]![seq ?? 'start']! };
  };

  it('pages through released documents first, then the others', async () => {
    calls.length = 0;
    const first = await loadLibraryPage(fetchPage, { phase: 'released', seq: null });
    expect(first).toEqual({
      ok: true,
      page: {
        released: [doc('r1'), doc('r2')],
        other: null,
        sorted: null,
        next: { phase: 'released', seq: '10' },
        restrictedDocumentsExist: false,
      },
    });
    // The last page of released documents also starts the others.
    const second = await loadLibraryPage(fetchPage, { phase: 'released', seq: '10' });
    expect(second).toEqual({
      ok: true,
      page: {
        released: [doc('r3')],
        other: [doc('w1'), doc('w2')],
        sorted: null,
        next: { phase: 'other', seq: '5' },
        restrictedDocumentsExist: false,
      },
    });
    const third = await loadLibraryPage(fetchPage, { phase: 'other', seq: '5' });
    expect(third).toEqual({
      ok: true,
      page: {
        released: null,
        other: [doc('w3')],
        sorted: null,
        next: null,
        restrictedDocumentsExist: false,
      },
    });
    expect(calls).toEqual(['released:start', 'released:10', 'other:start', 'other:5']);
  });

  it('sorted A to Z, pages through one list and passes on the hint to sign in', async () => {
    calls.length = 0;
    const first = await loadLibraryPage(fetchPage, { phase: 'released', seq: null }, 'title');
    expect(first).toEqual({
      ok: true,
      page: {
        released: null,
        other: null,
        sorted: [doc('a1'), doc('b1')],
        next: { phase: 'sorted', seq: 'YjE' },
        restrictedDocumentsExist: true,
      },
    });
    const second = await loadLibraryPage(fetchPage, { phase: 'sorted', seq: 'YjE' }, 'title');
    expect(second.ok && second.page.sorted).toEqual([doc('c1')]);
    expect(second.ok && second.page.next).toBeNull();
    expect(calls).toEqual(['sorted:start', 'sorted:YjE']);
  });

  it('passes a failure on without asking for more', async () => {
    let asked = 0;
    const result = await loadLibraryPage(
      async () => {
        asked++;
        return { ok: false as const, error: 'down' };
      },
      { phase: 'released', seq: null },
    );
    expect(result).toEqual({ ok: false, error: 'down' });
    expect(asked).toBe(1);
  });
});

import type { DocumentSummary } from '@liaison/core';
import { describe, expect, it } from 'vitest';
import { type AtomFeed, atomXml, escapeXml, withoutForbiddenXmlChars } from '../lib/atom';
import { parseWebConfig } from '../lib/config';
import { portalOrigin, releaseFeed, releaseFeedPath } from '../lib/release-feed';
import { expectWellFormedAtom, parseAtom } from './atom-checks';

const ORIGIN = 'https://liaison.example';

function feedOf(overrides: Partial<AtomFeed> = {}): AtomFeed {
  return {
    id: `${ORIGIN}/feeds/releases.atom`,
    title: 'Liaison: released documents',
    updated: new Date('2026-03-01T10:00:00Z'),
    links: [{ rel: 'self', type: 'application/atom+xml', href: `${ORIGIN}/feeds/releases.atom` }],
    authors: [{ name: 'Liaison' }],
    entries: [],
    ...overrides,
  };
}

let seq = 0;
function summary(overrides: Partial<DocumentSummary> = {}): DocumentSummary {
  seq++;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    organization: 'dmtf',
    identifier: `DSP${String(seq).padStart(4, '0')}`,
    title: `Document ${seq}`,
    abstract: `Abstract ${seq}`,
    status: 'standard',
    visibility: 'public',
    watermark: false,
    registers: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    releasedAt: `2026-02-${String(seq).padStart(2, '0')}T12:00:00.000Z`,
    permissions: {
      edit: false,
      release: false,
      upload: false,
      delete: false,
      withdraw: false,
      seeDownloads: false,
    },
    latestVersion: null,
    ...overrides,
  };
}

const NAMES = new Map([
  ['dmtf', 'DMTF'],
  ['ofa', 'OpenFabrics Alliance'],
]);

describe('atomXml', () => {
  it('writes an Atom feed a feed parser reads back field by field', () => {
    const xml = atomXml(
      feedOf({
        subtitle: 'Released documents',
        links: [
          { rel: 'self', type: 'application/atom+xml', href: `${ORIGIN}/feeds/releases.atom` },
          { rel: 'alternate', type: 'text/html', href: `${ORIGIN}/` },
        ],
        entries: [
          {
            id: 'urn:uuid:6c5d3e0a-1d1e-4f0b-9d55-1f8f1f0f2a11',
            title: 'DSP0266: Redfish Specification',
            updated: new Date('2026-02-28T09:30:00Z'),
            links: [{ rel: 'alternate', type: 'text/html', href: `${ORIGIN}/documents/abc` }],
            summary: 'The RESTful interface.',
            authors: [{ name: 'DMTF', uri: `${ORIGIN}/?organization=dmtf` }],
            categories: [{ term: 'standard', label: 'Standard' }],
          },
        ],
      }),
    );
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed')).toBe(true);
    const feed = parseAtom(xml);
    expect(feed.id).toBe(`${ORIGIN}/feeds/releases.atom`);
    expect(feed.title).toEqual({ value: 'Liaison: released documents', type: 'text' });
    expect(feed.subtitle?.value).toBe('Released documents');
    expect(feed.updated).toBe('2026-03-01T10:00:00.000Z');
    expect(feed.links).toEqual([
      { rel: 'self', type: 'application/atom+xml', href: `${ORIGIN}/feeds/releases.atom` },
      { rel: 'alternate', type: 'text/html', href: `${ORIGIN}/` },
    ]);
    expect(feed.authors).toEqual([{ name: 'Liaison' }]);
    expect(feed.entries).toHaveLength(1);
    const entry = feed.entries![0]!;
    expect(entry.id).toBe('urn:uuid:6c5d3e0a-1d1e-4f0b-9d55-1f8f1f0f2a11');
    expect(entry.title).toEqual({ value: 'DSP0266: Redfish Specification', type: 'text' });
    expect(entry.updated).toBe('2026-02-28T09:30:00.000Z');
    expect(entry.links).toEqual([
      { rel: 'alternate', type: 'text/html', href: `${ORIGIN}/documents/abc` },
    ]);
    expect(entry.summary).toEqual({ value: 'The RESTful interface.', type: 'text' });
    expect(entry.authors).toEqual([{ name: 'DMTF', uri: `${ORIGIN}/?organization=dmtf` }]);
    expect(entry.categories).toEqual([{ term: 'standard', label: 'Standard' }]);
  });

  it('leaves out an empty summary', () => {
    const xml = atomXml(
      feedOf({
        entries: [
          {
            id: 'urn:uuid:1',
            title: 'No abstract',
            updated: new Date('2026-01-01T00:00:00Z'),
            links: [],
            summary: '',
            authors: [{ name: 'OFA' }],
            categories: [],
          },
        ],
      }),
    );
    expect(xml).not.toContain('<summary');
    expect(parseAtom(xml).entries?.[0]?.summary).toBeUndefined();
  });

  it('escapes hostile text so it stays text, in elements and in attributes', () => {
    const hostile = `<script>alert("x")</script> & 'quotes' ]]> <!-- --> &amp;`;
    const xml = atomXml(
      feedOf({
        title: hostile,
        authors: [{ name: hostile, uri: `${ORIGIN}/?q="><x>&y` }],
        links: [{ rel: 'self', href: `${ORIGIN}/feeds/"'<>&.atom` }],
        entries: [
          {
            id: `urn:uuid:${hostile}`,
            title: hostile,
            updated: new Date('2026-01-01T00:00:00Z'),
            links: [{ rel: 'alternate', type: 'text/html', href: `${ORIGIN}/documents/"onload=` }],
            summary: hostile,
            authors: [{ name: hostile }],
            categories: [{ term: `"><b>`, label: hostile }],
          },
        ],
      }),
    );
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain('<x>');
    expect(xml).not.toContain('<b>');
    const feed = parseAtom(xml);
    expect(feed.title?.value).toBe(hostile);
    expect(feed.authors?.[0]).toEqual({ name: hostile, uri: `${ORIGIN}/?q="><x>&y` });
    expect(feed.links?.[0]?.href).toBe(`${ORIGIN}/feeds/"'<>&.atom`);
    const entry = feed.entries![0]!;
    expect(entry.id).toBe(`urn:uuid:${hostile}`);
    expect(entry.title?.value).toBe(hostile);
    expect(entry.summary?.value).toBe(hostile);
    expect(entry.links?.[0]?.href).toBe(`${ORIGIN}/documents/"onload=`);
    expect(entry.categories).toEqual([{ term: `"><b>`, label: hostile }]);
  });

  it('removes the characters XML 1.0 forbids, keeping tabs, line breaks and all of Unicode', () => {
    const title = `A\u0000B\u0001C\u0008D\u000BE\u000CF\u001FG\uFFFEH\uFFFFI\uD800J\uDFFFK`;
    const kept = 'tab\there, line\nbreak, é, 中文, emoji 😀, U+FFFD \uFFFD, U+E000 \uE000';
    const xml = atomXml(feedOf({ title, subtitle: kept }));
    expectWellFormedAtom(xml);
    const feed = parseAtom(xml);
    expect(feed.title?.value).toBe('ABCDEFGHIJK');
    expect(feed.subtitle?.value).toBe(kept);
  });

  it('would not be well-formed with a control character left in (the strict check bites)', () => {
    const broken = atomXml(feedOf()).replace('Liaison: released', 'Liaison:\u0001 released');
    expect(() => expectWellFormedAtom(broken)).toThrow();
  });
});

describe('escapeXml and withoutForbiddenXmlChars', () => {
  it('escape the five special characters and drop forbidden ones', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
    );
    expect(withoutForbiddenXmlChars('a\u0002b\r\nc\u007Fd')).toBe('ab\r\nc\u007Fd');
    expect(withoutForbiddenXmlChars('😀\uD83D')).toBe('😀');
  });
});

describe('releaseFeed', () => {
  it('has one entry per released document, newest release first, with stable ids and absolute links', () => {
    const older = summary({ releasedAt: '2026-02-01T08:00:00.000Z' });
    const newer = summary({
      organization: 'ofa',
      status: 'informational',
      releasedAt: '2026-02-03T08:00:00.000Z',
    });
    const feed = parseAtom(
      atomXml(releaseFeed({ origin: ORIGIN, organizationNames: NAMES, documents: [older, newer] })),
    );
    expect(feed.id).toBe(`${ORIGIN}/feeds/releases.atom`);
    expect(feed.title?.value).toBe('Liaison: released documents');
    expect(feed.updated).toBe('2026-02-03T08:00:00.000Z');
    expect(feed.links).toContainEqual({
      rel: 'self',
      type: 'application/atom+xml',
      href: `${ORIGIN}/feeds/releases.atom`,
    });
    expect(feed.entries?.map((entry) => entry.id)).toEqual([
      `urn:uuid:${newer.id}`,
      `urn:uuid:${older.id}`,
    ]);
    const entry = feed.entries![0]!;
    expect(entry.title?.value).toBe(`${newer.identifier}: ${newer.title}`);
    expect(entry.updated).toBe('2026-02-03T08:00:00.000Z');
    expect(entry.links).toEqual([
      { rel: 'alternate', type: 'text/html', href: `${ORIGIN}/documents/${newer.id}` },
    ]);
    expect(entry.summary?.value).toBe(newer.abstract);
    expect(entry.authors).toEqual([
      { name: 'OpenFabrics Alliance', uri: `${ORIGIN}/?organization=ofa` },
    ]);
    expect(entry.categories).toEqual([{ term: 'informational', label: 'Informational' }]);
  });

  it('carries the newest version, its change note and an absolute link to its file, from the configured public origin', () => {
    const released = summary({
      abstract: 'Platform management.',
      latestVersion: {
        id: '00000000-0000-4000-8000-0000000000aa',
        label: '1.2.0',
        changeNote: 'Fixed the fan units.\nNew Chassis schema.',
        filename: 'DSP0266_1.2.0.pdf',
        createdAt: '2026-02-01T07:00:00.000Z',
      },
    });
    const origin = portalOrigin(
      'http://127.0.0.1:3000/feeds/releases.atom',
      parseWebConfig({ NEXTAUTH_URL: 'https://portal.example/api/auth' }),
    );
    const feed = parseAtom(
      atomXml(releaseFeed({ origin, organizationNames: NAMES, documents: [released] })),
    );
    const entry = feed.entries![0]!;
    expect(entry.title?.value).toBe(`${released.identifier} 1.2.0: ${released.title}`);
    expect(entry.summary?.value).toBe(
      'Platform management.\n\nVersion 1.2.0: Fixed the fan units.\nNew Chassis schema.',
    );
    expect(entry.links).toEqual([
      {
        rel: 'alternate',
        type: 'text/html',
        href: `https://portal.example/documents/${released.id}`,
      },
      {
        rel: 'enclosure',
        title: 'DSP0266_1.2.0.pdf',
        href: `https://portal.example/documents/${released.id}/versions/00000000-0000-4000-8000-0000000000aa/download`,
      },
    ]);
  });

  it('leaves out anything not released, whatever it was handed', () => {
    const released = summary();
    const documents = [
      released,
      summary({ visibility: 'partners', releasedAt: null }),
      summary({ visibility: 'partners' }),
      summary({ status: 'work-in-progress' }),
      summary({ releasedAt: null }),
    ];
    const feed = releaseFeed({ origin: ORIGIN, organizationNames: NAMES, documents });
    expect(feed.entries.map((entry) => entry.id)).toEqual([`urn:uuid:${released.id}`]);
  });

  it("is an organization's own feed when given one", () => {
    const feed = parseAtom(
      atomXml(
        releaseFeed({
          origin: ORIGIN,
          organization: { slug: 'ofa', name: 'OpenFabrics Alliance' },
          organizationNames: NAMES,
          documents: [],
        }),
      ),
    );
    expect(feed.id).toBe(`${ORIGIN}/feeds/ofa/releases.atom`);
    expect(feed.title?.value).toBe('OpenFabrics Alliance: released documents');
    expect(feed.links).toContainEqual({
      rel: 'alternate',
      type: 'text/html',
      href: `${ORIGIN}/?organization=ofa`,
    });
    expect(feed.entries ?? []).toEqual([]);
    // With nothing released yet, the feed still has the date Atom requires.
    expect(feed.updated).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('releaseFeedPath and portalOrigin', () => {
  it('name the feeds and find the public origin', () => {
    expect(releaseFeedPath()).toBe('/feeds/releases.atom');
    expect(releaseFeedPath('ofa')).toBe('/feeds/ofa/releases.atom');
    expect(
      portalOrigin(
        'http://127.0.0.1:3000/feeds/releases.atom',
        parseWebConfig({ NEXTAUTH_URL: 'https://portal.example/api/auth' }),
      ),
    ).toBe('https://portal.example');
    expect(portalOrigin('http://localhost:3000/feeds/releases.atom', parseWebConfig({}))).toBe(
      'http://localhost:3000',
    );
    expect(
      portalOrigin('http://localhost:3000/x', parseWebConfig({ NEXTAUTH_URL: 'not a url' })),
    ).toBe('http://localhost:3000');
  });
});

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DownloadsPanel, downloadsCursor } from '../app/documents/[id]/downloads-panel';
import type { DocumentDownloadList } from '../lib/api';

const DOCUMENT_ID = '00000000-0000-4000-8000-000000000001';

const render = (data: DocumentDownloadList, olderPage = false) =>
  renderToStaticMarkup(
    createElement(DownloadsPanel, {
      documentId: DOCUMENT_ID,
      identifier: 'DSP0290',
      downloads: { ok: true, data },
      olderPage,
    }),
  );

describe('Who downloaded this', () => {
  it('shows each download: reader, organization, version and the copy', () => {
    const html = render({
      items: [
        {
          id: '42',
          at: '2026-12-01T10:00:00.000Z',
          reader: { name: 'OFA Member', email: 'member@ofa.example' },
          organization: { slug: 'ofa', name: 'OpenFabrics Alliance' },
          version: { id: 'v1', label: '0.9a' },
          watermarked: true,
          downloadId: 'dl-1234',
        },
        {
          id: '41',
          at: '2026-11-30T10:00:00.000Z',
          reader: { name: null, email: 'gone@dmtf.example' },
          organization: null,
          version: { id: 'v1', label: '0.9a' },
          watermarked: false,
          downloadId: null,
        },
      ],
      nextCursor: '41',
    });
    expect(html).toContain('OFA Member');
    expect(html).toContain('OpenFabrics Alliance');
    expect(html).toContain('0.9a');
    expect(html).toContain('Watermarked');
    expect(html).toContain('dl-1234');
    expect(html).toContain('A removed account');
    expect(html).toContain('Original file');
    expect(html).toContain(`/documents/${DOCUMENT_ID}?downloads=41#downloads-title`);
    expect(html).not.toContain('Newest downloads');
  });

  it('says when nobody downloaded it, and links back to the newest from an older page', () => {
    const html = render({ items: [], nextCursor: null }, true);
    expect(html).toContain('Nobody has downloaded it yet.');
    expect(html).toContain('Newest downloads');
    expect(html).not.toContain('Older downloads');
  });

  it('takes only a numeric cursor from the address', () => {
    expect(downloadsCursor('12345')).toBe('12345');
    expect(downloadsCursor('12a')).toBeUndefined();
    expect(downloadsCursor(['1', '2'])).toBeUndefined();
    expect(downloadsCursor(undefined)).toBeUndefined();
  });
});

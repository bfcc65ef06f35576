import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TextMatchSnippet } from '../components/text-match-snippet';

const render = (match: Parameters<typeof TextMatchSnippet>[0]['match']) =>
  renderToStaticMarkup(createElement(TextMatchSnippet, { match }));

describe('a search match in a file', () => {
  it('says the page and version, and marks the matched words', () => {
    const html = render({
      versionId: '00000000-0000-4000-8000-000000000001',
      versionLabel: '0.9a',
      page: 12,
      snippet: [
        { text: 'the ', highlighted: false },
        { text: 'zoning', highlighted: true },
        { text: ' section', highlighted: false },
      ],
    });
    expect(html).toContain('Found on page 12 of 0.9a:');
    expect(html).toContain('<span>the </span><mark>zoning</mark><span> section</span>');
  });

  it('shows markup in the text as text, and no page for files without pages', () => {
    const html = render({
      versionId: '00000000-0000-4000-8000-000000000001',
      versionLabel: '2',
      page: null,
      snippet: [
        { text: '<img src=x onerror=alert(1)>', highlighted: true },
        { text: '<script>alert(1)</script>', highlighted: false },
      ],
    });
    expect(html).toContain('Found in 2:');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('<mark>&lt;img src=x onerror=alert(1)&gt;</mark>');
  });
});

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StatementBody } from '../components/statement/statement-body';

const render = (text: string) => renderToStaticMarkup(createElement(StatementBody, { text }));

describe('a statement’s Markdown text', () => {
  it('renders Markdown', () => {
    const html = render(
      '# Comments\n\n## Details\n\nPlease review the **fabric model**:\n\n- one\n- two',
    );
    // Under the page's own headings: its title is the h1, "Statement" an h2.
    expect(html).toContain('<h3>Comments</h3>\n<h4>Details</h4>');
    expect(html).toContain('<strong>fabric model</strong>');
    expect(html).toContain('<li>one</li>');
  });

  it('shows no raw HTML, no script, no image, and links only to web and mail addresses', () => {
    const html = render(
      [
        '<script>alert(1)</script><img src=x onerror=alert(2)>',
        '<b onclick="alert(3)">bold?</b>',
        '[click](javascript:alert(4)) [data](data:text/html,hi) ![pixel](https://tracker.example/p.gif)',
        '[DMTF](https://www.dmtf.org) [mail](mailto:vp@dmtf.org)',
      ].join('\n\n'),
    );
    expect(html).not.toMatch(/<script|<img|onerror|onclick|<b[ >]|javascript:|data:text|tracker/);
    expect(html).toContain(
      '<a href="https://www.dmtf.org/" rel="noopener noreferrer nofollow">DMTF</a>',
    );
    expect(html).toContain('href="mailto:vp@dmtf.org"');
    expect(html).toContain('<span>click</span>');
    expect(html).toContain('<span>pixel</span>');
  });

  it('says when there is no text', () => {
    expect(render('  \n')).toContain('No text.');
  });
});

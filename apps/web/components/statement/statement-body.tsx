import Markdown from 'react-markdown';
import { safeLinkHref } from '../../lib/statement-rules';

/**
 * A statement's Markdown text. Raw HTML in it is dropped (skipHtml), links go to web and mail
 * addresses only, and open without handing the portal's page to the target. Its headings sit
 * under the page's own ("Statement" is an h2), so `#` becomes an h3.
 */
export function StatementBody({ text }: { text: string }) {
  if (text.trim() === '') return <p className="empty">No text.</p>;
  return (
    <div className="statement__body">
      <Markdown
        skipHtml
        urlTransform={safeLinkHref}
        components={{
          a: ({ href, children }) =>
            href ? (
              <a href={href} rel="noopener noreferrer nofollow">
                {children}
              </a>
            ) : (
              <span>{children}</span>
            ),
          img: ({ alt }) => <span>{alt ?? ''}</span>,
          h1: ({ children }) => <h3>{children}</h3>,
          h2: ({ children }) => <h4>{children}</h4>,
          h3: ({ children }) => <h5>{children}</h5>,
          h4: ({ children }) => <h6>{children}</h6>,
          h5: ({ children }) => <h6>{children}</h6>,
          h6: ({ children }) => <h6>{children}</h6>,
        }}
      >
        {text}
      </Markdown>
    </div>
  );
}

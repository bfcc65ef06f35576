import Markdown from 'react-markdown';
import { safeLinkHref } from '../../lib/statement-rules';

/**
 * A statement's Markdown text. Raw HTML in it is dropped (skipHtml), links go to web and mail
 * addresses only, and open without handing the portal's page to the target.
 */
export function StatementBody({ text }: { text: string }) {
  if (text.trim() === '') return <p className="empty">No text.</p>;
  return (
    <div className="statement__body prose">
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
        }}
      >
        {text}
      </Markdown>
    </div>
  );
}

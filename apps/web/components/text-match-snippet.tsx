import type { TextMatch } from '@liaison/core';

/**
 * Where a library search was found in a document's file: the version, the PDF page, and the words
 * around it with the matched ones marked. The snippet's parts are plain text; only <mark> is ours.
 */
export function TextMatchSnippet({ match }: { match: TextMatch }) {
  return (
    <p className="doc-item__match">
      <span className="doc-item__match-where">
        Found {match.page !== null ? `on page ${match.page} of` : 'in'} {match.versionLabel}:
      </span>{' '}
      {match.snippet.map((part, index) =>
        part.highlighted ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder
          <mark key={index}>{part.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}

import type { Snippet, TextMatch } from '@liaison/core';
import { HIGHLIGHT_END, HIGHLIGHT_START, type TextMatchRecord } from '@liaison/db';
import { textKindOf } from '../content/text-kind.js';

/** The database's marked snippet as plain-text parts: nothing in it is ever markup. */
export function snippetParts(marked: string): Snippet {
  const parts: Snippet = [];
  for (const [index, piece] of marked.split(HIGHLIGHT_START).entries()) {
    const [inside, after] = index === 0 ? [undefined, piece] : piece.split(HIGHLIGHT_END, 2);
    if (inside) parts.push({ text: inside, highlighted: true });
    if (after) parts.push({ text: after.replaceAll(HIGHLIGHT_END, ''), highlighted: false });
  }
  return parts;
}

export function toTextMatch(record: TextMatchRecord): TextMatch {
  return {
    versionId: record.versionId,
    versionLabel: record.versionLabel,
    page: textKindOf(record.mediaType, record.filename) === 'pdf' ? record.page : null,
    snippet: snippetParts(record.snippet),
  };
}

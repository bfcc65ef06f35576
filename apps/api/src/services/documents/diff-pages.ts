import {
  COMPARE_CONTEXT_CHARS,
  COMPARE_MAX_OUTPUT_CHARS,
  COMPARE_MAX_TEXT_CHARS,
  type DiffPart,
  type PageDiff,
} from '@liaison/core';
import type { VersionTextPage } from '@liaison/db';
import { type ChangeObject, diffWords } from 'diff';

/**
 * A page that differs in more words than this (or takes longer than PAGE_TIMEOUT_MS) is reported
 * as too different to compare word by word: the word diff's cost grows with the edit length.
 */
const MAX_EDIT_LENGTH = 10_000;
const PAGE_TIMEOUT_MS = 2_000;

export interface PagesComparison {
  pages: PageDiff[];
  summary: { changes: number; pagesWithChanges: number; pages: number };
  truncated: boolean;
}

/** The pages up to COMPARE_MAX_TEXT_CHARS of text, by number; whether some were cut. */
function boundedPages(pages: readonly VersionTextPage[]): {
  text: Map<number, string>;
  cut: boolean;
} {
  const text = new Map<number, string>();
  let left = COMPARE_MAX_TEXT_CHARS;
  for (const page of pages) {
    if (left <= 0) return { text, cut: true };
    text.set(page.page, page.body.length > left ? page.body.slice(0, left) : page.body);
    left -= page.body.length;
  }
  return { text, cut: left < 0 };
}

/** Unchanged text, shortened to the context a reader needs around the changes next to it. */
function context(text: string, before: boolean, after: boolean): string {
  const keep = COMPARE_CONTEXT_CHARS;
  if (before && after) {
    return text.length > 2 * keep ? `${text.slice(0, keep)} … ${text.slice(-keep)}` : text;
  }
  if (after) return text.length > keep ? `… ${text.slice(-keep)}` : text;
  if (before) return text.length > keep ? `${text.slice(0, keep)} …` : text;
  return text;
}

function toParts(changes: ChangeObject<string>[]): { parts: DiffPart[]; changes: number } {
  const parts: DiffPart[] = [];
  let runs = 0;
  changes.forEach((change, index) => {
    if (change.added || change.removed) {
      const previous = changes[index - 1];
      if (!previous || !(previous.added || previous.removed)) runs++;
      parts.push({ kind: change.added ? 'added' : 'removed', text: change.value });
      return;
    }
    // Unchanged text keeps context after the change before it and before the change after it.
    parts.push({
      kind: 'same',
      text: context(change.value, index < changes.length - 1, index > 0),
    });
  });
  return { parts, changes: runs };
}

const partsLength = (parts: DiffPart[]) => parts.reduce((sum, part) => sum + part.text.length, 0);

/**
 * Word-level differences between two versions' pages, page N against page N (a page one version
 * lacks compares as empty). Every page is counted in the summary; the answer lists the pages with
 * changes until COMPARE_MAX_OUTPUT_CHARS of text, then says it is truncated.
 */
export function diffPages(
  from: readonly VersionTextPage[],
  to: readonly VersionTextPage[],
): PagesComparison {
  const before = boundedPages(from);
  const after = boundedPages(to);
  const numbers = [...new Set([...before.text.keys(), ...after.text.keys()])].sort((a, b) => a - b);
  const pages: PageDiff[] = [];
  let changes = 0;
  let pagesWithChanges = 0;
  let output = 0;
  let truncated = before.cut || after.cut;
  for (const page of numbers) {
    const old = before.text.get(page) ?? '';
    const current = after.text.get(page) ?? '';
    if (old === current) continue;
    const diff = diffWords(old, current, {
      maxEditLength: MAX_EDIT_LENGTH,
      timeout: PAGE_TIMEOUT_MS,
    });
    const found = diff
      ? { ...toParts(diff), tooDifferent: false }
      : { parts: [], changes: 1, tooDifferent: true };
    // Words that differ only in the white space around them make no change a reader would see.
    if (found.changes === 0) continue;
    changes += found.changes;
    pagesWithChanges++;
    const length = partsLength(found.parts);
    if (output + length > COMPARE_MAX_OUTPUT_CHARS) {
      truncated = true;
      continue;
    }
    output += length;
    pages.push({ page, ...found });
  }
  return { pages, summary: { changes, pagesWithChanges, pages: numbers.length }, truncated };
}

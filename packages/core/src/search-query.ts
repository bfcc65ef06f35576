/**
 * The library's search box, turned into a PostgreSQL tsquery. Pure and browser-safe.
 *
 *   fabric adapter      both words (in any order, anywhere in the metadata or one page of a file)
 *   "fabric adapter"    the phrase: the words next to each other, in this order
 *   zon*                words starting with "zon" (zone, zoning, zones)
 *   zoning -thermal     "zoning" but not "thermal"
 *   zoning or zones     either word
 *
 * The tsquery is built from lexemes, never from the caller's text as such: a term keeps only
 * letters, digits and combining marks, each lexeme is single-quoted, and all operators are ours.
 * The result is passed as a parameter to `to_tsquery('english', $n)`, which stems the lexemes.
 */
import { DOCUMENT_IDENTIFIER_PATTERN } from './rules.js';

export interface ParsedSearch {
  /** For `to_tsquery('english', …)`; null when the text holds no word to look for. */
  tsquery: string | null;
  /** The same query with every wanted word restricted to the identifier and title (weights A, B). */
  titleTsquery: string | null;
  /** The text as typed, when it could be a document identifier: an exact identifier match ranks first. */
  identifier: string | null;
}

/** A searched word is at most this long; longer runs of letters are not words anyone types. */
const MAX_LEXEME_LENGTH = 100;
const WORD_PART = /[\p{L}\p{N}\p{M}]+/gu;
const identifier = new RegExp(DOCUMENT_IDENTIFIER_PATTERN);

interface Term {
  /** The lexemes of a word or phrase, in order; several are matched as adjacent words. */
  lexemes: string[];
  prefix: boolean;
  negated: boolean;
}

/** Splits the text into words and quoted phrases, with their `-` and `*` marks and `or`s. */
function tokens(text: string): Array<Term | 'or'> {
  const found: Array<Term | 'or'> = [];
  const token = /(-?)"([^"]*)"?|(\S+)/g;
  for (const [, minus, phrase, word] of text.matchAll(token)) {
    if (word !== undefined && word.toLowerCase() === 'or') {
      found.push('or');
      continue;
    }
    const negated = minus === '-' || (word?.startsWith('-') ?? false);
    const body = phrase ?? word!.replace(/^-/, '');
    const lexemes = (body.match(WORD_PART) ?? []).map((part) =>
      part.toLowerCase().slice(0, MAX_LEXEME_LENGTH),
    );
    if (lexemes.length === 0) continue;
    found.push({ lexemes, prefix: phrase === undefined && body.endsWith('*'), negated });
  }
  return found;
}

function render(term: Term, weights: string): string {
  const last = term.lexemes.length - 1;
  const lexemes = term.lexemes.map((lexeme, index) => {
    const marks = `${index === last && term.prefix ? '*' : ''}${term.negated ? '' : weights}`;
    return `'${lexeme}'${marks ? `:${marks}` : ''}`;
  });
  const joined = lexemes.length > 1 ? `(${lexemes.join(' <-> ')})` : lexemes[0]!;
  return term.negated ? `!${joined}` : joined;
}

/** Terms joined by `or` form one clause; clauses are all required (as web search engines do). */
function clauses(found: Array<Term | 'or'>): Term[][] {
  const grouped: Term[][] = [];
  let joinNext = false;
  for (const item of found) {
    if (item === 'or') {
      joinNext = grouped.length > 0;
      continue;
    }
    if (joinNext && !item.negated) grouped[grouped.length - 1]!.push(item);
    else grouped.push([item]);
    joinNext = false;
  }
  return grouped;
}

function build(grouped: Term[][], weights: string): string {
  return grouped
    .map((clause) => {
      const rendered = clause.map((term) => render(term, weights));
      return rendered.length > 1 ? `(${rendered.join(' | ')})` : rendered[0]!;
    })
    .join(' & ');
}

export function parseSearchQuery(text: string): ParsedSearch {
  const grouped = clauses(tokens(text));
  const wanted = grouped.some((clause) => clause.some((term) => !term.negated));
  const trimmed = text.trim();
  return {
    tsquery: wanted ? build(grouped, '') : null,
    titleTsquery: wanted ? build(grouped, 'AB') : null,
    identifier: identifier.test(trimmed) ? trimmed : null,
  };
}

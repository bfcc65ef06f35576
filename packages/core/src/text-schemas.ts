/**
 * Free text as the API takes it. Control characters (C0, DEL and C1) have no place in a title, a
 * name or a paragraph: they are invisible, can rewrite a terminal (ESC sequences), and PostgreSQL
 * refuses NUL. Multi-line text (abstracts, descriptions, comments, policy texts, register
 * paragraphs) may hold tabs and line breaks (LF, or CRLF); single-line text holds none.
 * One pattern each, used by the JSON schemas and the multipart forms alike.
 */
import { type TLiteral, type TStringOptions, type TUnion, Type } from 'typebox';
import { EMAIL_MAX_LENGTH, SLUG_MAX_LENGTH, SLUG_PATTERN } from './rules.js';

/** C0 controls, DEL and C1 controls, as the body of a regular-expression character class. */
const CONTROL_CHARACTERS = '\\u0000-\\u001f\\u007f-\\u009f';

export const SINGLE_LINE_TEXT_PATTERN = `^[^${CONTROL_CHARACTERS}]*$`;

/** Tab and LF allowed, CR only as part of CRLF; every other control character refused. */
export const MULTI_LINE_TEXT_PATTERN =
  '^(?![\\s\\S]*\\r(?!\\n))[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$';

/** An e-mail address: one @, no white space, no control characters. */
export const EMAIL_PATTERN = `^[^@\\s${CONTROL_CHARACTERS}]+@[^@\\s${CONTROL_CHARACTERS}]+$`;

export function SingleLineText(options: Omit<TStringOptions, 'pattern'> = {}) {
  return Type.String({ ...options, pattern: SINGLE_LINE_TEXT_PATTERN });
}

export function MultiLineText(options: Omit<TStringOptions, 'pattern'> = {}) {
  return Type.String({ ...options, pattern: MULTI_LINE_TEXT_PATTERN });
}

const singleLine = new RegExp(SINGLE_LINE_TEXT_PATTERN, 'u');
const emailAddress = new RegExp(EMAIL_PATTERN, 'u');
const multiLine = new RegExp(MULTI_LINE_TEXT_PATTERN, 'u');

/** For text that arrives outside a JSON schema (multipart form fields). */
export function isSingleLineText(value: string): boolean {
  return singleLine.test(value);
}

export function isMultiLineText(value: string): boolean {
  return multiLine.test(value);
}

/** Whether the API takes `value` as an e-mail address (the forms check before they send). */
export function isEmailAddress(value: string): boolean {
  return value.length <= EMAIL_MAX_LENGTH && emailAddress.test(value);
}

/** An organization's or a register's slug. */
export const SlugSchema = Type.String({ pattern: SLUG_PATTERN, maxLength: SLUG_MAX_LENGTH });

/** One of a list of strings (e.g. DOCUMENT_STATUSES), as a union of literals. */
export function LiteralUnion<const Values extends readonly string[]>(
  values: Values,
): TUnion<LiteralsOf<Values>> {
  return Type.Union(values.map((value) => Type.Literal(value))) as TUnion<LiteralsOf<Values>>;
}

type LiteralsOf<Values extends readonly string[]> = Values extends readonly [
  infer First extends string,
  ...infer Rest extends readonly string[],
]
  ? [TLiteral<First>, ...LiteralsOf<Rest>]
  : [];

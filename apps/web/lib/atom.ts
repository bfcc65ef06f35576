// A small Atom 1.0 (RFC 4287) writer: the feed as data in, a well-formed XML document out. Pure,
// so it is tested by parsing its output. Every piece of text and every attribute value is escaped,
// and characters XML 1.0 does not allow at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF)
// are removed, since no escape can carry them and one of them makes the whole feed unreadable.

export const ATOM_MEDIA_TYPE = 'application/atom+xml';

export interface AtomLink {
  href: string;
  /** 'enclosure': a file the entry is about, e.g. a version's download. */
  rel: 'self' | 'alternate' | 'related' | 'enclosure';
  type?: string;
  /** What the link is, e.g. the file's name. */
  title?: string;
}

export interface AtomPerson {
  name: string;
  uri?: string;
}

export interface AtomCategory {
  term: string;
  label?: string;
}

export interface AtomEntry {
  /** A permanent, universally unique IRI, e.g. urn:uuid:… */
  id: string;
  title: string;
  /** When the entry last changed in a way its readers should hear about. */
  updated: Date;
  links: AtomLink[];
  /** Plain text; omitted when empty. */
  summary?: string;
  authors: AtomPerson[];
  categories: AtomCategory[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  updated: Date;
  links: AtomLink[];
  authors: AtomPerson[];
  entries: AtomEntry[];
}

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. With the
// u flag a lone surrogate is one code point of its own, outside every allowed range.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text without the characters an XML 1.0 document cannot contain. */
export function withoutForbiddenXmlChars(value: string): string {
  return value.replace(NOT_XML_CHAR, '');
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Safe as element text and as a (double- or single-quoted) attribute value. */
export function escapeXml(value: string): string {
  return withoutForbiddenXmlChars(value).replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** RFC 3339, in UTC, as Atom date constructs require. */
function atomDate(date: Date): string {
  return date.toISOString();
}

function attributes(values: Record<string, string | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');
}

function textElement(name: string, value: string, indent: string): string {
  return `${indent}<${name} type="text">${escapeXml(value)}</${name}>`;
}

function linkElement(link: AtomLink, indent: string): string {
  return `${indent}<link${attributes({ rel: link.rel, type: link.type, href: link.href, title: link.title })}/>`;
}

function personElement(person: AtomPerson, indent: string): string {
  return [
    `${indent}<author>`,
    `${indent}  <name>${escapeXml(person.name)}</name>`,
    ...(person.uri ? [`${indent}  <uri>${escapeXml(person.uri)}</uri>`] : []),
    `${indent}</author>`,
  ].join('\n');
}

function categoryElement(category: AtomCategory, indent: string): string {
  return `${indent}<category${attributes({ term: category.term, label: category.label })}/>`;
}

function entryElement(entry: AtomEntry): string {
  const indent = '    ';
  return [
    '  <entry>',
    `${indent}<id>${escapeXml(entry.id)}</id>`,
    textElement('title', entry.title, indent),
    `${indent}<updated>${atomDate(entry.updated)}</updated>`,
    ...entry.links.map((link) => linkElement(link, indent)),
    ...(entry.summary ? [textElement('summary', entry.summary, indent)] : []),
    ...entry.authors.map((author) => personElement(author, indent)),
    ...entry.categories.map((category) => categoryElement(category, indent)),
    '  </entry>',
  ].join('\n');
}

/** The feed as an Atom document (UTF-8). */
export function atomXml(feed: AtomFeed): string {
  const indent = '  ';
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `${indent}<id>${escapeXml(feed.id)}</id>`,
    textElement('title', feed.title, indent),
    ...(feed.subtitle ? [textElement('subtitle', feed.subtitle, indent)] : []),
    `${indent}<updated>${atomDate(feed.updated)}</updated>`,
    ...feed.links.map((link) => linkElement(link, indent)),
    ...feed.authors.map((author) => personElement(author, indent)),
    ...feed.entries.map(entryElement),
    '</feed>',
    '',
  ].join('\n');
}

// How the tests read a feed: first as XML 1.0 by a strict, namespace-aware parser (saxes, which
// rejects what feed readers forgive: bad escapes, forbidden characters, unbalanced tags), then
// as a feed by feedsmith, a real feed parser, which must recognise it as Atom.

import { type AtomFeed, parseFeed } from 'feedsmith';
import { SaxesParser } from 'saxes';

const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';

/** Throws unless `xml` is a well-formed XML 1.0 document whose root is an Atom <feed>. */
export function expectWellFormedAtom(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let root: { local: string; uri: string } | undefined;
  parser.on('opentag', (tag) => {
    root ??= { local: tag.local, uri: tag.uri };
  });
  parser.write(xml).close();
  if (root?.local !== 'feed' || root.uri !== ATOM_NAMESPACE) {
    throw new Error(`the root element is not an Atom feed: ${JSON.stringify(root)}`);
  }
}

/** The feed as feedsmith reads it, after the strict well-formedness check. */
export function parseAtom(xml: string): AtomFeed.Feed<string> {
  expectWellFormedAtom(xml);
  const parsed = parseFeed(xml);
  if (parsed.format !== 'atom') throw new Error(`read as ${parsed.format}, not as Atom`);
  return parsed.feed;
}

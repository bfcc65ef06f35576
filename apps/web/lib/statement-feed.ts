// The Atom feed of a work register's public liaison statements, at
// /feeds/registers/<slug>/statements.atom. Like the release feeds it is built from anonymous API
// calls only, never with the session of whoever asks: a statement for the parties can never end
// up in a feed a cache keeps.

import { isSlug, type StatementSummary } from '@liaison/core';
import { type ApiOptions, fromApi, fromApiAllPages } from './api';
import { ATOM_MEDIA_TYPE, type AtomFeed, atomXml } from './atom';
import { plainAnswer } from './plain-answer';
import { atomResponse, portalOrigin } from './release-feed';
import { statementFeedPath, statementPath } from './statement-links';
import { PURPOSE_LABELS } from './statement-rules';

/** How many of the newest statements a feed holds. */
export const STATEMENT_FEED_SIZE = 50;

/** The feed of these statements (sent or withdrawn, public ones: what anyone may read). */
export function statementFeed(options: {
  origin: string;
  register: { slug: string; title: string };
  statements: readonly StatementSummary[];
}): AtomFeed {
  const { origin, register } = options;
  const sent = options.statements
    .filter((statement) => statement.sentAt !== null)
    .map((statement) => ({ statement, sentAt: new Date(statement.sentAt as string) }))
    .sort((a, b) => b.sentAt.getTime() - a.sentAt.getTime())
    .slice(0, STATEMENT_FEED_SIZE);
  const selfUrl = `${origin}${statementFeedPath(register.slug)}`;
  const registerUrl = `${origin}/registers/${encodeURIComponent(register.slug)}`;
  return {
    id: selfUrl,
    title: `${register.title}: liaison statements`,
    subtitle: `Public liaison statements between the parties of the ${register.title}.`,
    updated: sent[0]?.sentAt ?? new Date(0),
    links: [
      { rel: 'self', type: ATOM_MEDIA_TYPE, href: selfUrl },
      { rel: 'alternate', type: 'text/html', href: `${registerUrl}#statements` },
    ],
    authors: [{ name: register.title, uri: registerUrl }],
    entries: sent.map(({ statement, sentAt }) => ({
      id: `urn:uuid:${statement.id}`,
      title: `${statement.state === 'withdrawn' ? 'Withdrawn: ' : ''}${statement.title}`,
      updated: sentAt,
      links: [
        { rel: 'alternate', type: 'text/html', href: `${origin}${statementPath(statement.id)}` },
      ],
      summary: [
        `${PURPOSE_LABELS[statement.purpose]} from ${statement.from.name} to ${statement.to.map((party) => party.name).join(', ')}.`,
        statement.deadline ? `Deadline ${statement.deadline}.` : '',
        statement.answer ? `Answered by ${statement.answer.organization.name}.` : '',
      ]
        .filter(Boolean)
        .join(' '),
      authors: [{ name: statement.from.name }],
      categories: [{ term: statement.purpose, label: PURPOSE_LABELS[statement.purpose] }],
    })),
  };
}

/**
 * GET of a register's statement feed: the Atom document, 304 when the reader is up to date, 404
 * for a register anyone cannot see, 502 when the API cannot say.
 */
export async function statementFeedResponse(
  request: Request,
  registerSlug: string,
  options: Pick<ApiOptions, 'baseUrl'> = {},
): Promise<Response> {
  if (!isSlug(registerSlug)) return plainAnswer(404, 'No such work register.');
  // Anonymous on purpose: see the top of this file.
  const api = { ...options, token: null };
  const [register, statements] = await Promise.all([
    fromApi((client) => client.getRegister(registerSlug), api),
    fromApiAllPages((client, page) => client.listStatements({ register: registerSlug, ...page }), {
      ...api,
      pageSize: STATEMENT_FEED_SIZE,
      maxPages: 1,
    }),
  ]);
  if (!register.ok && register.error.status === 404) {
    return plainAnswer(404, 'No such work register.');
  }
  if (!register.ok || !statements.ok) {
    return plainAnswer(502, 'The statement feed is unavailable right now.');
  }
  const xml = atomXml(
    statementFeed({
      origin: portalOrigin(request.url),
      register: { slug: register.data.slug, title: register.data.title },
      statements: statements.data.items,
    }),
  );
  return atomResponse(request, xml);
}

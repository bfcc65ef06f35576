// The Atom feeds of released documents (public, informational or standard): one for the whole
// portal at /feeds/releases.atom and one per organization at /feeds/<slug>/releases.atom.
//
// A feed is public and may be kept by any cache between the portal and its readers, so it is
// always built from anonymous API calls, never with the session of whoever asks: a member's
// partners-only document can never end up in a cached feed.

import { createHash } from 'node:crypto';
import {
  type DocumentListQuery,
  type DocumentSummary,
  isReleased,
  isSlug,
  type Organization,
} from '@liaison/core';
import { type ApiOptions, listDocuments, listOrganizations } from './api';
import { ATOM_MEDIA_TYPE, type AtomFeed, atomXml } from './atom';
import { type WebConfig, webConfig } from './config';
import { STATUS_LABELS } from './format';
import { downloadHref } from './links';
import { plainAnswer } from './plain-answer';

/** How many of the newest releases a feed holds. */
export const RELEASE_FEED_SIZE = 50;

/** Feed readers poll; five minutes of staleness is nothing next to their intervals. */
const CACHE_CONTROL = 'public, max-age=300';

/** The path of the portal's release feed, or of one organization's. */
export function releaseFeedPath(organization?: string): string {
  return organization
    ? `/feeds/${encodeURIComponent(organization)}/releases.atom`
    : '/feeds/releases.atom';
}

/**
 * The portal's public origin, for the absolute links a feed needs: NEXTAUTH_URL's (what the
 * portal is configured to be reached at) or else the origin the request came to.
 */
export function portalOrigin(requestUrl: string, config: WebConfig = webConfig()): string {
  const configured = config.publicUrl;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // A malformed NEXTAUTH_URL breaks sign-in loudly elsewhere; the feed makes do.
    }
  }
  return new URL(requestUrl).origin;
}

/** An entry's text: the abstract, then the newest version and what changed in it. */
function entrySummary(document: DocumentSummary): string {
  const latest = document.latestVersion;
  if (!latest) return document.abstract;
  const version = latest.changeNote
    ? `Version ${latest.label}: ${latest.changeNote}`
    : `Version ${latest.label}.`;
  return document.abstract ? `${document.abstract}\n\n${version}` : version;
}

/** The Atom feed of these documents' releases (unreleased ones are left out). */
export function releaseFeed(options: {
  origin: string;
  /** The organization whose feed this is; undefined for the whole portal's. */
  organization?: Pick<Organization, 'slug' | 'name'>;
  /** Organization names by slug, for the entries' authors. */
  organizationNames: ReadonlyMap<string, string>;
  documents: readonly DocumentSummary[];
}): AtomFeed {
  const { origin, organization, organizationNames } = options;
  const released = options.documents
    .filter((document) => isReleased(document) && document.releasedAt !== null)
    .map((document) => ({ document, releasedAt: new Date(document.releasedAt as string) }))
    .sort((a, b) => b.releasedAt.getTime() - a.releasedAt.getTime());
  const selfUrl = `${origin}${releaseFeedPath(organization?.slug)}`;
  const libraryUrl = (slug?: string) =>
    slug ? `${origin}/?organization=${encodeURIComponent(slug)}` : `${origin}/`;
  const owner = organization?.name ?? 'Liaison';
  return {
    id: selfUrl,
    title: `${owner}: released documents`,
    subtitle: organization
      ? `Documents ${organization.name} has released to the public: informational and standard.`
      : 'Documents the alliance organizations have released to the public: informational and standard.',
    // The newest release; a feed with none has not changed since the beginning of time.
    updated: released[0]?.releasedAt ?? new Date(0),
    links: [
      { rel: 'self', type: ATOM_MEDIA_TYPE, href: selfUrl },
      { rel: 'alternate', type: 'text/html', href: libraryUrl(organization?.slug) },
    ],
    authors: [{ name: owner, uri: libraryUrl(organization?.slug) }],
    entries: released.map(({ document, releasedAt }) => ({
      id: `urn:uuid:${document.id}`,
      title: document.latestVersion
        ? `${document.identifier} ${document.latestVersion.label}: ${document.title}`
        : `${document.identifier}: ${document.title}`,
      updated: releasedAt,
      links: [
        {
          rel: 'alternate',
          type: 'text/html',
          href: `${origin}/documents/${encodeURIComponent(document.id)}`,
        },
        ...(document.latestVersion
          ? [
              {
                rel: 'enclosure' as const,
                href: `${origin}${downloadHref(encodeURIComponent(document.id), encodeURIComponent(document.latestVersion.id))}`,
                title: document.latestVersion.filename,
              },
            ]
          : []),
      ],
      summary: entrySummary(document),
      authors: [
        {
          name: organizationNames.get(document.organization) ?? document.organization,
          uri: libraryUrl(document.organization),
        },
      ],
      categories: [{ term: document.status, label: STATUS_LABELS[document.status] }],
    })),
  };
}

/**
 * The HTTP answer for GET of a release feed: the Atom document, 304 when the reader already has
 * it (If-None-Match), 404 for an organization that does not exist, 502 when the API cannot say.
 */
export async function releaseFeedResponse(
  request: Request,
  organizationSlug?: string,
  options: Pick<ApiOptions, 'baseUrl'> = {},
): Promise<Response> {
  if (organizationSlug !== undefined && !isSlug(organizationSlug)) {
    return plainAnswer(404, 'No such organization.');
  }
  // Anonymous on purpose: see the top of this file.
  const api = { ...options, token: null };
  const query: DocumentListQuery = {
    sort: 'released',
    limit: RELEASE_FEED_SIZE,
    organization: organizationSlug,
  };
  const [organizations, documents] = await Promise.all([
    listOrganizations(api),
    listDocuments(query, api),
  ]);
  if (!organizations.ok || !documents.ok) {
    return plainAnswer(502, 'The release feed is unavailable right now.');
  }
  const organization = organizations.data.find((org) => org.slug === organizationSlug);
  if (organizationSlug !== undefined && !organization) {
    return plainAnswer(404, 'No such organization.');
  }

  const xml = atomXml(
    releaseFeed({
      origin: portalOrigin(request.url),
      ...(organization ? { organization } : {}),
      organizationNames: new Map(organizations.data.map((org) => [org.slug, org.name])),
      documents: documents.data.items,
    }),
  );
  return atomResponse(request, xml);
}

/** An Atom document as the answer to `request`: 304 when the reader already has it (ETag). */
export function atomResponse(request: Request, xml: string): Response {
  const etag = `"${createHash('sha256').update(xml).digest('base64url')}"`;
  const headers = {
    'content-type': `${ATOM_MEDIA_TYPE}; charset=utf-8`,
    'cache-control': CACHE_CONTROL,
    etag,
  };
  if (ifNoneMatch(request.headers.get('if-none-match'), etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(xml, { status: 200, headers });
}

function ifNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

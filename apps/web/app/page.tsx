import {
  DOCUMENT_STATUSES,
  documentCreatingOrganizations,
  SEARCH_QUERY_MAX_LENGTH,
  VISIBILITIES,
} from '@liaison/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { StatusBadge, VisibilityBadge } from '../components/badges';
import { FeedLinks } from '../components/feed-links';
import { FollowButton } from '../components/follow-button';
import { PageHead } from '../components/page-head';
import {
  LabelledOptions,
  OrganizationOptions,
  RegisterOptions,
} from '../components/select-options';
import { TextMatchSnippet } from '../components/text-match-snippet';
import {
  type ApiError,
  type DocumentSummary,
  listDocuments,
  listOrganizations,
  listRegisters,
} from '../lib/api';
import { ATOM_MEDIA_TYPE } from '../lib/atom';
import { viewerActor } from '../lib/auth/viewer-actor';
import { followOf, loadFollows } from '../lib/follows';
import { excerpt, formatDate, STATUS_LABELS, VISIBILITY_DESCRIPTIONS } from '../lib/format';
import {
  documentListQuery,
  hasFilters,
  LIBRARY_SORT_LABELS,
  LIBRARY_SORTS,
  type LibraryFilters,
  libraryHref,
  loadLibraryPage,
  parseLibraryCursor,
  parseLibraryFilters,
} from '../lib/library';
import { releaseFeedPath } from '../lib/release-feed';
import { getAccessToken, getViewer } from '../lib/session';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Library',
  // Feed readers and browsers discover the release feed from the page head.
  alternates: {
    types: {
      [ATOM_MEDIA_TYPE]: [{ url: releaseFeedPath(), title: 'Liaison: released documents' }],
    },
  },
};

type SearchParams = Record<string, string | string[] | undefined>;

export default async function LibraryPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const params = await searchParams;
  const filters = parseLibraryFilters(params);
  const cursor = parseLibraryCursor(params.cursor);
  const [viewer, token] = await Promise.all([getViewer(), getAccessToken()]);
  const signedIn = viewer !== null && token !== null;

  const [organizations, registers, result, follows] = await Promise.all([
    listOrganizations(),
    listRegisters({ token }),
    loadLibraryPage(
      (released, seq) => listDocuments(documentListQuery(filters, released, seq), { token }),
      cursor,
      filters.sort,
    ),
    loadFollows(signedIn),
  ]);
  const organizationNames = new Map(
    organizations.ok ? organizations.data.map((org) => [org.slug, org.name]) : [],
  );
  const canCreate =
    viewer !== null && documentCreatingOrganizations(viewerActor(viewer)).length > 0;
  const firstPage = cursor.seq === null && cursor.phase !== 'other';
  // Shown open on a phone when something in it is chosen, so the choice stays in sight.
  const filtersChosen = Boolean(
    filters.organization || filters.status || filters.register || filters.sort !== 'newest',
  );
  const filtered = hasFilters(filters);
  // What every list of documents on the page is given alike.
  const listing = { organizationNames, showVisibility: signedIn };

  return (
    <>
      <PageHead
        title="Library"
        lead={
          signedIn
            ? 'Released documents first, then work in progress and the documents shared with you through your organizations and their work registers.'
            : 'Specifications and documents the alliance organizations have published: released ones first, then work in progress. Sign in to see what is shared with your organization.'
        }
      >
        {canCreate && (
          <Link className="button" href="/documents/new">
            New document
          </Link>
        )}
      </PageHead>

      {params.notice === 'deleted' && (
        <div className="notice notice--success" role="status">
          <p className="notice__title">The document was deleted.</p>
        </div>
      )}

      <search aria-label="Library">
        <form className="filters card" action="/" method="get">
          <div className="field filters__query">
            <label htmlFor="library-q">Search</label>
            <input
              id="library-q"
              name="q"
              type="search"
              defaultValue={filters.q}
              maxLength={SEARCH_QUERY_MAX_LENGTH}
              placeholder="Identifier, title, or words in the abstract or the files"
            />
          </div>
          <details className="filters__more" open={filtersChosen}>
            <summary className="button button--secondary">Filters</summary>
            <LibraryFilter label="Organization" name="organization" value={filters.organization}>
              <option value="">All organizations</option>
              {organizations.ok && <OrganizationOptions organizations={organizations.data} />}
            </LibraryFilter>
            <LibraryFilter label="Status" name="status" value={filters.status}>
              <option value="">Any status</option>
              <LabelledOptions values={DOCUMENT_STATUSES} labels={STATUS_LABELS} />
            </LibraryFilter>
            <LibraryFilter label="Register" name="register" value={filters.register}>
              <option value="">Any register</option>
              {registers.ok && <RegisterOptions registers={registers.data} />}
            </LibraryFilter>
            <LibraryFilter label="Sort by" name="sort" value={filters.sort}>
              <LabelledOptions values={LIBRARY_SORTS} labels={LIBRARY_SORT_LABELS} />
            </LibraryFilter>
          </details>
          <div className="filters__actions">
            <button type="submit" className="button">
              Search
            </button>
            {(filtered || filters.sort !== 'newest') && (
              <Link className="button button--secondary" href="/">
                Clear
              </Link>
            )}
          </div>
        </form>
      </search>

      {!signedIn && result.ok && result.page.restrictedDocumentsExist && (
        <p className="library-hint">
          Members of alliance organizations see more documents after{' '}
          <Link href="/login">signing in</Link>.
        </p>
      )}

      {signedIn && (
        <ul className="legend" aria-label="Visibility markers">
          {VISIBILITIES.map((visibility) => (
            <li key={visibility}>
              <VisibilityBadge visibility={visibility} />
              <span className="legend__text">{VISIBILITY_DESCRIPTIONS[visibility]}</span>
            </li>
          ))}
        </ul>
      )}

      {!result.ok ? (
        <LibraryUnavailable error={result.error} />
      ) : (
        <>
          {result.page.sorted !== null && (
            <LibrarySection
              id="sorted"
              title={`Documents by ${filters.sort}`}
              intro="A to Z, released and work in progress together."
              documents={result.page.sorted}
              {...listing}
              empty={filtered ? 'No document matches the search.' : 'There is no document yet.'}
            />
          )}
          {result.page.released !== null && (
            <LibrarySection
              id="released"
              title="Released"
              intro="Informational documents and standards, public to everyone."
              documents={result.page.released}
              {...listing}
              empty={
                filtered
                  ? 'No released document matches the search.'
                  : 'No document has been released yet.'
              }
            >
              <FeedLinks
                organization={filters.organization}
                organizationNames={organizationNames}
              />
              {signedIn && organizationNames.has(filters.organization) && (
                <FollowButton
                  kind="organization"
                  targetKey={filters.organization}
                  follow={followOf(follows, 'organization', filters.organization)}
                  page="/"
                  label={`Follow ${organizationNames.get(filters.organization)} releases by mail`}
                />
              )}
            </LibrarySection>
          )}
          {result.page.other !== null && (
            <LibrarySection
              id="other"
              title={signedIn ? 'Work in progress and restricted' : 'Work in progress'}
              intro={
                signedIn
                  ? 'Drafts, and documents shared only with alliance partners or within an organization.'
                  : 'Drafts the organizations chose to publish before release.'
              }
              documents={result.page.other}
              {...listing}
              empty={
                filtered
                  ? 'No other document matches the search.'
                  : 'There is no work in progress to show.'
              }
            />
          )}
          {result.page.other === null && result.page.sorted === null && (
            <p className="muted pager__note">
              {signedIn
                ? 'Work in progress and restricted documents follow after the released ones.'
                : 'Work in progress follows after the released documents.'}
            </p>
          )}
          <Pager filters={filters} firstPage={firstPage} next={result.page.next} />
        </>
      )}
    </>
  );
}

/** One of the library's filters: a select named as its search parameter. */
function LibraryFilter({
  label,
  name,
  value,
  children,
}: {
  label: string;
  name: string;
  value: string;
  children: ReactNode;
}) {
  const id = `library-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        {children}
      </select>
    </div>
  );
}

/** One list of the library page: its heading, what it holds, any links beside it, its documents. */
function LibrarySection({
  id,
  title,
  intro,
  children,
  ...list
}: {
  id: string;
  title: string;
  intro: string;
  children?: ReactNode;
} & Parameters<typeof DocumentList>[0]) {
  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <div className="section-head">
        <h2 id={`${id}-title`}>{title}</h2>
        <p className="muted">{intro}</p>
        {children}
      </div>
      <DocumentList {...list} />
    </section>
  );
}

function DocumentList({
  documents,
  organizationNames,
  showVisibility,
  empty,
}: {
  documents: DocumentSummary[];
  organizationNames: Map<string, string>;
  showVisibility: boolean;
  empty: string;
}) {
  if (documents.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul className="doc-list">
      {documents.map((document) => (
        <li key={document.id} className="doc-item">
          <div className="doc-item__main">
            <p className="doc-item__eyebrow">
              <code className="identifier">{document.identifier}</code>
              <span aria-hidden="true"> · </span>
              <span className="visually-hidden">, owned by </span>
              {organizationNames.get(document.organization) ?? document.organization}
            </p>
            <h3 className="doc-item__title">
              <Link href={`/documents/${document.id}`}>{document.title}</Link>
            </h3>
            {document.abstract && (
              <p className="doc-item__abstract">{excerpt(document.abstract)}</p>
            )}
            {document.textMatch && <TextMatchSnippet match={document.textMatch} />}
          </div>
          <div className="doc-item__meta">
            <div className="badges">
              <StatusBadge status={document.status} />
              {showVisibility && <VisibilityBadge visibility={document.visibility} />}
            </div>
            <p className="doc-item__version">
              {document.latestVersion ? (
                <>
                  Version {document.latestVersion.label}
                  <span aria-hidden="true"> · </span>
                  <span className="visually-hidden">, </span>
                  <time dateTime={document.latestVersion.createdAt}>
                    {formatDate(document.latestVersion.createdAt)}
                  </time>
                </>
              ) : (
                <span className="muted">No file yet</span>
              )}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}

function Pager({
  filters,
  firstPage,
  next,
}: {
  filters: LibraryFilters;
  firstPage: boolean;
  next: Parameters<typeof libraryHref>[1];
}) {
  if (firstPage && !next) return null;
  return (
    <nav className="pager" aria-label="Pages">
      {!firstPage && (
        <Link className="button button--secondary" href={libraryHref(filters)}>
          First page
        </Link>
      )}
      {next && (
        <Link className="button button--secondary" rel="next" href={libraryHref(filters, next)}>
          Next page
        </Link>
      )}
    </nav>
  );
}

function LibraryUnavailable({ error }: { error: ApiError }) {
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">The library cannot be shown right now</p>
      <p>
        {error.status === 0
          ? 'Liaison’s API is not reachable. Try again in a moment.'
          : 'Liaison’s API gave an unexpected answer. Try again in a moment.'}
      </p>
    </div>
  );
}

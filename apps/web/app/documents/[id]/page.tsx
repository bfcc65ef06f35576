import { canOpenReview, isReleased, utcDate } from '@liaison/core';
import Link from 'next/link';
import { StatusBadge, VisibilityBadge } from '../../../components/badges';
import { ConfirmAction } from '../../../components/confirm-action';
import { DetailPage } from '../../../components/detail-page';
import { Fact } from '../../../components/fact';
import { FollowButton } from '../../../components/follow-button';
import { ShortDate } from '../../../components/register/dates';
import { OpenReviewForm } from '../../../components/review/open-review-form';
import { ReviewBanner } from '../../../components/review/review-banner';
import { StackedTable } from '../../../components/stacked-table';
import { ChecksumCell, SizeCell } from '../../../components/stored-file-table';
import { ProvenanceCard } from '../../../components/submission/provenance-card';
import { UnavailableNotice } from '../../../components/unavailable-notice';
import {
  type DocumentVersion,
  fromApi,
  listDocumentDownloads,
  listOrganizations,
  listRegisters,
} from '../../../lib/api';
import { viewerActor } from '../../../lib/auth/viewer-actor';
import { detailTitle } from '../../../lib/detail-loader';
import { FOLLOW_MEANINGS, followOf, loadFollows } from '../../../lib/follows';
import { formatBytes, formatDate, VISIBILITY_DESCRIPTIONS } from '../../../lib/format';
import { downloadHref } from '../../../lib/links';
import { noticeFrom, type SegmentPageProps } from '../../../lib/page-props';
import { listDocumentReviews } from '../../../lib/review-api';
import { getAccessToken, getViewer } from '../../../lib/session';
import {
  deleteDocumentAction,
  releaseDocumentAction,
  setStandardAction,
  withdrawVersionAction,
} from '../actions';
import { CompareForm } from './compare-form';
import { loadDocument } from './data';
import { DOWNLOADS_PAGE_SIZE, DownloadsPanel, downloadsCursor } from './downloads-panel';

export const dynamic = 'force-dynamic';

const NOTICES: Record<string, string> = {
  saved: 'Your changes were saved.',
  released: 'The document is now public: anyone can read and download it.',
  standard: 'The document is now marked as a standard.',
  withdrawn:
    'The version was withdrawn. It stays listed with its reason, but cannot be downloaded.',
};

export const generateMetadata = detailTitle(
  loadDocument,
  (document) => `${document.identifier}: ${document.title}`,
  'Document',
);

export default async function DocumentPage({ params, searchParams }: SegmentPageProps<'id'>) {
  const { id } = await params;
  const query = await searchParams;
  const token = await getAccessToken();
  const [result, organizations, registers, reviews, viewer, follows] = await Promise.all([
    loadDocument(id),
    listOrganizations(),
    listRegisters({ token }),
    token ? listDocumentReviews(id, { token }) : null,
    getViewer(),
    loadFollows(token !== null),
  ]);

  if (!result.ok) {
    return <UnavailableNotice title="This document cannot be shown right now" />;
  }
  const document = result.data;
  const { permissions } = document;
  const ownerName =
    (organizations.ok &&
      organizations.data.find((org) => org.slug === document.organization)?.name) ||
    document.organization;
  const registerTitles = new Map(
    registers.ok ? registers.data.map((register) => [register.slug, register.title]) : [],
  );
  const available = document.versions.filter((version) => version.withdrawn === null);
  const previewId = typeof query.preview === 'string' ? query.preview : undefined;
  const preview =
    available.find((version) => version.id === previewId && isPdf(version)) ??
    available.find(isPdf);
  const notice = noticeFrom(query, NOTICES);
  const latest = available[0];
  const openReview = reviews?.ok
    ? reviews.data.items.find((review) => review.state === 'open')
    : undefined;
  const iprPolicy =
    openReview?.permissions.comment && openReview.requiresIprAcknowledgement
      ? await fromApi((client) => client.getIprPolicy(document.organization), { token })
      : null;
  // The policy the API applies, asked here only to offer the form; the API still decides.
  const mayOpenReview =
    viewer !== null &&
    !openReview &&
    available.length > 0 &&
    canOpenReview(viewerActor(viewer), {
      owner: document.organization,
      visibility: document.visibility,
      status: document.status,
      registerParties: [],
    });
  const anyAction =
    permissions.edit || permissions.upload || permissions.release || permissions.delete;
  const olderDownloads = downloadsCursor(query.downloads);
  const downloads = permissions.seeDownloads
    ? await listDocumentDownloads(
        document.id,
        { limit: DOWNLOADS_PAGE_SIZE, ...(olderDownloads ? { cursor: olderDownloads } : {}) },
        { token },
      )
    : null;
  // Saved before a partners document needed a register: only its owner reads it.
  const sharedWithNobody = document.visibility === 'partners' && document.registers.length === 0;

  return (
    <DetailPage
      className="document"
      titleId="document-title"
      title={document.title}
      parent={{ href: '/', label: 'Library' }}
      crumb={document.identifier}
      eyebrow={
        <>
          <code className="identifier" data-testid="document-identifier">
            {document.identifier}
          </code>
          <span aria-hidden="true"> · </span>
          <span>{ownerName}</span>
        </>
      }
      badges={
        <>
          <StatusBadge status={document.status} />
          <VisibilityBadge visibility={document.visibility} />
          {isReleased(document) && <span className="badge badge--released">Released</span>}
        </>
      }
      headNote={
        document.visibility !== 'public' && (
          <p className="confidential-note">
            {document.visibility === 'partners'
              ? 'Confidential: shared with the parties of its work registers only; do not pass it on outside them.'
              : `Confidential: for members of ${ownerName} only; do not pass it on.`}
          </p>
        )
      }
      notice={notice}
      summary={{
        headingId: 'abstract-title',
        heading: 'Abstract',
        text: document.abstract,
        empty: 'No abstract.',
      }}
      layoutClassName={preview ? undefined : 'document__layout--cards'}
      main={
        preview && (
          <section className="section preview" aria-labelledby="preview-title">
            <div className="section-head section-head--row">
              <h2 id="preview-title">Preview of version {preview.label}</h2>
              {preview.watermarked && <WatermarkNote />}
              <a
                className="button button--secondary button--small"
                href={downloadHref(document.id, preview.id, true)}
                target="_blank"
                rel="noopener"
              >
                Open in a new tab<span className="visually-hidden"> (PDF)</span>
              </a>
            </div>
            <p className="preview__narrow-note muted">
              On small screens the PDF opens in its own tab: use “Open in a new tab”.
            </p>
            <iframe
              className="preview__frame"
              title={`${document.identifier} version ${preview.label} (PDF preview)`}
              src={downloadHref(document.id, preview.id, true)}
              loading="lazy"
            />
          </section>
        )
      }
      asideLabel="About this document"
      aside={
        <>
          {latest && (
            <div className="card card--accent">
              <h2 className="card__title">Latest version</h2>
              <p className="latest">
                <span className="latest__label">{latest.label}</span>
                <span className="muted">
                  {formatBytes(latest.size)} · {formatDate(latest.createdAt)}
                </span>
              </p>
              <a
                className="button button--block"
                href={downloadHref(document.id, latest.id)}
                download
              >
                Download {latest.label}
                <span className="visually-hidden"> ({latest.filename})</span>
              </a>
              {latest.watermarked && <WatermarkNote />}
            </div>
          )}

          {viewer && (
            <div className="card">
              <h2 className="card__title">Follow</h2>
              <p className="muted small">{FOLLOW_MEANINGS.document}, with its change note.</p>
              <FollowButton
                kind="document"
                targetKey={document.id}
                follow={followOf(follows, 'document', document.id)}
                page={`/documents/${document.id}`}
              />
            </div>
          )}

          <CompareForm
            documentId={document.id}
            versions={available.map((version) => ({ id: version.id, label: version.label }))}
          />

          <div className="card">
            <h2 className="card__title">Details</h2>
            <dl className="facts facts--stacked">
              <Fact term="Owner">{ownerName}</Fact>
              <Fact term="Status">
                <StatusBadge status={document.status} />
              </Fact>
              <Fact term="Visibility">
                <VisibilityBadge visibility={document.visibility} />
                <span className="facts__note">{VISIBILITY_DESCRIPTIONS[document.visibility]}</span>
              </Fact>
              <Fact term="Registers">
                {document.registers.length === 0 ? (
                  <span className="muted">Not shared under a register</span>
                ) : (
                  <ul className="plain-list">
                    {document.registers.map((slug) => (
                      <li key={slug}>
                        <Link href={`/registers/${slug}`}>{registerTitles.get(slug) ?? slug}</Link>
                      </li>
                    ))}
                  </ul>
                )}
              </Fact>
              <Fact term="Created">
                <time dateTime={document.createdAt}>{formatDate(document.createdAt)}</time>
              </Fact>
              <Fact term="Last changed">
                <time dateTime={document.updatedAt}>{formatDate(document.updatedAt)}</time>
              </Fact>
            </dl>
          </div>

          {document.provenance && (
            <ProvenanceCard provenance={document.provenance} receiverName={ownerName} />
          )}

          {mayOpenReview && (
            <OpenReviewForm
              documentId={document.id}
              versions={available.map((version) => ({ id: version.id, label: version.label }))}
              defaultClosesOn={utcDate(new Date(Date.now() + 30 * 86_400_000))}
            />
          )}

          {anyAction && (
            <section className="card" aria-labelledby="actions-title">
              <h2 id="actions-title" className="card__title">
                Actions
              </h2>
              <div className="action-list">
                {permissions.upload && (
                  <Link className="button" href={`/documents/${document.id}/versions/new`}>
                    Upload a new version
                  </Link>
                )}
                {permissions.edit && (
                  <Link
                    className="button button--secondary"
                    href={`/documents/${document.id}/edit`}
                  >
                    Edit details
                  </Link>
                )}
                {permissions.release && document.visibility !== 'public' && (
                  <ConfirmAction
                    action={releaseDocumentAction.bind(null, document.id)}
                    trigger="Release to public"
                    title={`Release ${document.identifier} to the public?`}
                    confirmLabel="Release to public"
                  >
                    <p>
                      Anyone, without signing in, will be able to find {document.identifier}, read
                      its details and download every version that is not withdrawn.
                    </p>
                    <p>
                      Once published, copies can circulate: making it private again later does not
                      take them back.
                    </p>
                  </ConfirmAction>
                )}
                {permissions.release && document.status !== 'standard' && (
                  <ConfirmAction
                    action={setStandardAction.bind(null, document.id)}
                    trigger="Mark as standard"
                    title={`Mark ${document.identifier} as a standard?`}
                    confirmLabel="Mark as standard"
                    tone="primary"
                  >
                    <p>
                      The status changes from “
                      {document.status === 'informational' ? 'Informational' : 'Work in progress'}”
                      to “Standard”, the organization’s adopted specification.
                    </p>
                  </ConfirmAction>
                )}
                {permissions.delete && (
                  <ConfirmAction
                    action={deleteDocumentAction.bind(null, document.id)}
                    trigger="Delete document"
                    title={`Delete ${document.identifier}?`}
                    confirmLabel="Delete for good"
                  >
                    <p>
                      {document.identifier} and all {document.versions.length}{' '}
                      {document.versions.length === 1 ? 'version' : 'versions'} will be deleted for
                      everyone. This cannot be undone.
                    </p>
                  </ConfirmAction>
                )}
              </div>
            </section>
          )}
        </>
      }
    >
      {sharedWithNobody && (
        <div className="notice notice--error" role="status" data-testid="shared-with-nobody">
          <p className="notice__title">Shared with nobody: choose a register</p>
          <p>
            Its visibility is “Partners”, but it is shared under no work register, so only members
            of {ownerName} can read it.{' '}
            {permissions.edit && (
              <Link href={`/documents/${document.id}/edit`}>Choose a register</Link>
            )}
          </p>
        </div>
      )}
      {openReview && (
        <ReviewBanner
          review={openReview}
          ownerName={ownerName}
          iprPolicy={iprPolicy?.ok ? iprPolicy.data : null}
        />
      )}
      <section className="section" aria-labelledby="versions-title">
        <h2 id="versions-title">Versions</h2>
        {document.versions.length === 0 ? (
          <p className="empty">
            No file has been uploaded yet.
            {permissions.upload && (
              <>
                {' '}
                <Link href={`/documents/${document.id}/versions/new`}>
                  Upload the first version
                </Link>
                .
              </>
            )}
          </p>
        ) : (
          <VersionTable
            documentId={document.id}
            identifier={document.identifier}
            versions={document.versions}
            previewId={preview?.id}
            canWithdraw={permissions.withdraw}
          />
        )}
      </section>
      {downloads && (
        <DownloadsPanel
          documentId={document.id}
          identifier={document.identifier}
          downloads={downloads}
          olderPage={olderDownloads !== undefined}
        />
      )}
    </DetailPage>
  );
}

/** Said wherever the reader's copy of a PDF is stamped for them (the API's `watermarked`). */
function WatermarkNote() {
  return (
    <p className="muted small" data-testid="watermark-note">
      Your copy is watermarked: every page shows your name, organization, e-mail, today’s date and a
      download id.
    </p>
  );
}

function isPdf(version: DocumentVersion): boolean {
  return version.mediaType === 'application/pdf';
}

function VersionTable({
  documentId,
  identifier,
  versions,
  previewId,
  canWithdraw,
}: {
  documentId: string;
  identifier: string;
  versions: DocumentVersion[];
  previewId: string | undefined;
  canWithdraw: boolean;
}) {
  return (
    <StackedTable
      caption={`Versions of ${identifier}, newest first`}
      columns={['Version', 'File', 'Size', 'Uploaded', 'SHA-256']}
      actions="Actions"
    >
      {versions.map((version) => {
        const withdrawn = version.withdrawn;
        return (
          <tr key={version.id} className={withdrawn ? 'is-withdrawn' : undefined}>
            <th scope="row" data-label="Version">
              <div>
                <span className="version-label">{version.label}</span>
                {withdrawn && <span className="badge badge--danger">Withdrawn</span>}
                {version.changeNote && (
                  <span className="change-note small">{version.changeNote}</span>
                )}
              </div>
            </th>
            <td data-label="File">
              <div>
                <span className="filename">{version.filename}</span>
                <span className="muted small">{version.mediaType}</span>
                {version.text.status === 'failed' && (
                  <span className="muted small">text not extracted: {version.text.failure}</span>
                )}
              </div>
            </td>
            <SizeCell bytes={version.size} />
            <td data-label="Uploaded">
              <div>
                <ShortDate value={version.createdAt} />
                {version.createdBy && <span className="muted small">by {version.createdBy}</span>}
              </div>
            </td>
            <ChecksumCell sha256={version.sha256} />
            <td data-label="Actions" className="table__actions">
              {withdrawn ? (
                <p className="withdrawn-note">
                  Withdrawn {formatDate(withdrawn.at)}
                  {withdrawn.by ? ` by ${withdrawn.by}` : ''}: {withdrawn.reason}
                </p>
              ) : (
                <div className="button-row">
                  <a
                    className="button button--small"
                    href={downloadHref(documentId, version.id)}
                    download
                  >
                    Download<span className="visually-hidden"> version {version.label}</span>
                  </a>
                  {version.watermarked && <WatermarkNote />}
                  {isPdf(version) && version.id !== previewId && (
                    <Link
                      className="button button--secondary button--small"
                      href={`/documents/${documentId}?preview=${version.id}#preview-title`}
                      scroll={false}
                    >
                      Preview<span className="visually-hidden"> version {version.label}</span>
                    </Link>
                  )}
                  {canWithdraw && (
                    <ConfirmAction
                      action={withdrawVersionAction.bind(null, documentId, version.id)}
                      trigger="Withdraw"
                      triggerContext={`version ${version.label}`}
                      title={`Withdraw version ${version.label} of ${identifier}?`}
                      confirmLabel="Withdraw version"
                      reason
                      small
                    >
                      <p>
                        Version {version.label} will no longer be downloadable. It stays listed,
                        with your reason, and can never be replaced by another file under the same
                        label.
                      </p>
                    </ConfirmAction>
                  )}
                </div>
              )}
            </td>
          </tr>
        );
      })}
    </StackedTable>
  );
}

import type { VersionComparison } from '@liaison/client';
import { DetailPage } from '../../../../components/detail-page';
import { UnavailableNotice } from '../../../../components/unavailable-notice';
import { fromApi } from '../../../../lib/api';
import { detailTitle } from '../../../../lib/detail-loader';
import type { SegmentPageProps } from '../../../../lib/page-props';
import { CompareForm } from '../compare-form';
import { loadDocument } from '../data';

export const dynamic = 'force-dynamic';

const TEXT_STATUS: Record<VersionComparison['from']['textStatus'], string> = {
  pending: 'its text is still being extracted; try again in a moment',
  extracted: 'its text is extracted',
  failed: 'its text could not be extracted',
  unsupported: 'its file type has no text Liaison can read',
};

export const generateMetadata = detailTitle(
  loadDocument,
  (document) => `Compare versions of ${document.identifier}`,
  'Compare versions',
);

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export default async function ComparePage({ params, searchParams }: SegmentPageProps<'id'>) {
  const { id } = await params;
  const query = await searchParams;
  const result = await loadDocument(id);
  if (!result.ok) {
    return <UnavailableNotice title="This document cannot be shown right now" />;
  }
  const document = result.data;
  const versions = document.versions.filter((version) => version.withdrawn === null);
  const from = typeof query.from === 'string' ? query.from : versions[1]?.id;
  const to = typeof query.to === 'string' ? query.to : versions[0]?.id;
  const comparison =
    from && to ? await fromApi((client) => client.compareVersions(id, from, to)) : undefined;

  return (
    <DetailPage
      className="compare"
      titleId="compare-title"
      title={`Compare versions of ${document.identifier}`}
      parent={{ href: `/documents/${id}`, label: document.identifier }}
      crumb="Compare"
      eyebrow={
        <code className="identifier" data-testid="document-identifier">
          {document.identifier}
        </code>
      }
      badges={null}
      notice={undefined}
      summary={{
        headingId: 'compare-about',
        heading: 'About this comparison',
        text: 'Added words are underlined, removed words struck through. Pages are compared by number: page 3 of one version against page 3 of the other, so a page inserted early shows as changes on every later page.',
        empty: '',
      }}
      main={
        !comparison ? (
          <p className="empty">Two versions are needed to compare.</p>
        ) : !comparison.ok ? (
          <div className="notice notice--error" role="alert">
            <p className="notice__title">These versions cannot be compared</p>
            <p>{comparison.error.message}</p>
          </div>
        ) : (
          <ComparisonView comparison={comparison.data} />
        )
      }
      asideLabel="Choose versions"
      aside={
        <CompareForm
          documentId={id}
          versions={versions.map((version) => ({ id: version.id, label: version.label }))}
          from={from}
          to={to}
        />
      }
    />
  );
}

function ComparisonView({ comparison }: { comparison: VersionComparison }) {
  const { from, to, summary } = comparison;
  if (comparison.status === 'text-missing') {
    const missing = [from, to].filter((side) => side.textStatus !== 'extracted');
    return (
      <div className="notice" role="status" data-testid="compare-text-missing">
        <p className="notice__title">No comparison yet</p>
        {missing.map((side) => (
          <p key={side.id}>
            Version {side.label}: {TEXT_STATUS[side.textStatus]}
            {side.textFailure ? ` (${side.textFailure})` : ''}.
          </p>
        ))}
      </div>
    );
  }
  const paged = from.mediaType === 'application/pdf' || to.mediaType === 'application/pdf';
  return (
    <section className="section" aria-labelledby="changes-title">
      <h2 id="changes-title">
        From {from.label} to {to.label}
      </h2>
      <p className="compare__summary" data-testid="compare-summary">
        {summary.changes === 0
          ? 'No changes in the text.'
          : `${plural(summary.changes, 'change', 'changes')} on ${plural(summary.pagesWithChanges, 'page', 'pages')}.`}
      </p>
      {comparison.truncated && (
        <p className="muted">
          These versions are long: only the beginning of their text is compared, and not every
          change is shown.
        </p>
      )}
      {comparison.pages.map((page) => (
        <article key={page.page} className="card compare__page">
          {paged && <h3 className="card__title">Page {page.page}</h3>}
          {page.tooDifferent ? (
            <p className="muted">This page changed too much to show word by word.</p>
          ) : (
            <p className="compare__text">
              {page.parts.map((part, index) =>
                part.kind === 'added' ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity but their place
                  <ins key={index}>{part.text}</ins>
                ) : part.kind === 'removed' ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity but their place
                  <del key={index}>{part.text}</del>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity but their place
                  <span key={index}>{part.text}</span>
                ),
              )}
            </p>
          )}
        </article>
      ))}
    </section>
  );
}

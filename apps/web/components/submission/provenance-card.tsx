import type { DocumentProvenance } from '@liaison/core';
import Link from 'next/link';
import { formatDateTime } from '../../lib/format';
import { submissionPath } from '../../lib/submission-links';
import { Fact } from '../fact';

/**
 * Where a document made from a submission came from. The API sends the submission (reference and
 * link) only to those who may read it; everyone else sees the organization and the acknowledgement.
 */
export function ProvenanceCard({
  provenance,
  receiverName,
}: {
  provenance: DocumentProvenance;
  /** The organization whose IPR policy was acknowledged (the document's owner). */
  receiverName: string;
}) {
  const { from, submission, ipr } = provenance;
  return (
    <section className="card" aria-labelledby="provenance-title">
      <h2 id="provenance-title" className="card__title">
        Provenance
      </h2>
      <dl className="facts facts--stacked">
        <Fact term="Submitted by">{from.name}</Fact>
        {submission && (
          <Fact term="Submission">
            <Link href={submissionPath(submission.id)}>{submission.reference}</Link>
          </Fact>
        )}
        <Fact term="IPR policy">
          {ipr.by ?? 'The submitter'} acknowledged the IPR policy of {receiverName} on{' '}
          <time dateTime={ipr.at}>{formatDateTime(ipr.at)}</time>.
          <span className="facts__note">
            Policy text SHA-256 <code className="checksum checksum--small">{ipr.policySha256}</code>
          </span>
        </Fact>
      </dl>
    </section>
  );
}

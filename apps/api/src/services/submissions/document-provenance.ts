import {
  type Actor,
  allowSubmission,
  type DocumentProvenance,
  type DocumentSubject,
  personShownTo,
} from '@liaison/core';
import { findDocumentProvenance, type Queryable } from '@liaison/db';

/**
 * Where a document made from a submission came from, as `actor` sees it: the submitting
 * organization and the IPR acknowledgement go with the document, while the submission itself
 * (its reference and link) is shown only to those who may read that submission, which stays
 * confidential whoever can read the document.
 */
export async function loadDocumentProvenance(
  db: Queryable,
  actor: Actor,
  documentId: string,
  document: DocumentSubject,
): Promise<DocumentProvenance | null> {
  const record = await findDocumentProvenance(db, documentId);
  if (!record) return null;
  const readsSubmission = allowSubmission(actor, 'read', {
    from: record.from.slug,
    to: record.to.slug,
    submittedBy: record.submission.submittedById,
  });
  const shown = personShownTo(actor, document);
  return {
    from: record.from,
    submission: readsSubmission
      ? { id: record.submission.id, reference: record.submission.reference }
      : null,
    ipr: {
      organization: record.to.slug,
      policySha256: record.ipr.policySha256,
      at: record.ipr.at.toISOString(),
      by: shown === 'address' ? record.ipr.byAddress : shown === 'name' ? record.ipr.byName : null,
    },
  };
}

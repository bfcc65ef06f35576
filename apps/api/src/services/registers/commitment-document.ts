import { type Actor, canReadDocument, type DocumentRef, UnprocessableError } from '@liaison/core';
import { findDocument, findDocumentId, type Queryable } from '@liaison/db';
import { subjectOf } from '../documents/document-view.js';

/**
 * A commitment, or an approval as its board resolution, may link a document the editor can read,
 * and only that: a document they cannot read
 * answers exactly like a missing one, so the link reveals nothing.
 */
export async function requireLinkableDocument(
  db: Queryable,
  actor: Actor,
  ref: DocumentRef | null,
): Promise<void> {
  if (ref === null) return;
  const id = await findDocumentId(db, ref.organization, ref.identifier);
  const document = id ? await findDocument(db, id) : undefined;
  if (!document || !canReadDocument(actor, subjectOf(document))) {
    throw new UnprocessableError(
      `There is no document ${ref.organization}/${ref.identifier}`,
      'unknown_document',
    );
  }
}

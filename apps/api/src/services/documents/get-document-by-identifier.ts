import { NotFoundError } from '@liaison/core';
import { findDocumentId, type Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { getDocument } from './get-document.js';

/** A document by its owner's slug and its identifier; 404 as for an id when it cannot be read. */
export async function getDocumentByIdentifier(
  pool: Pool,
  context: RequestContext,
  organization: string,
  identifier: string,
) {
  const id = await findDocumentId(pool, organization, identifier);
  if (!id) throw new NotFoundError('No such document');
  return getDocument(pool, context, id);
}

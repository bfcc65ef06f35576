import { listVersions, type Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { findReadableDocument, toDocument } from './document-view.js';

export async function getDocument(pool: Pool, context: RequestContext, id: string) {
  const record = await findReadableDocument(pool, context.actor, id);
  return toDocument(record, await listVersions(pool, id), context.actor);
}

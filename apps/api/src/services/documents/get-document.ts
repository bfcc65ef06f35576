import type { Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { findReadableDocument, loadDocument } from './document-view.js';

export async function getDocument(pool: Pool, context: RequestContext, id: string) {
  const record = await findReadableDocument(pool, context.actor, id);
  return loadDocument(pool, record, context.actor);
}

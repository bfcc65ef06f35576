import type { Statement } from '@liaison/core';
import type { Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { findReadableStatement, loadStatement } from './statement-view.js';

/** A statement the caller may read (anyone, for a public one); 404 otherwise. */
export async function getStatement(
  pool: Pool,
  context: RequestContext,
  id: string,
): Promise<Statement> {
  const record = await findReadableStatement(pool, context.actor, id);
  return loadStatement(pool, record, context.actor);
}

import type { Submission } from '@liaison/core';
import type { Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { findReadableSubmission, loadSubmission } from './submission-view.js';

export async function getSubmission(
  pool: Pool,
  context: RequestContext,
  id: string,
): Promise<Submission> {
  requireUser(context.actor);
  const record = await findReadableSubmission(pool, context.actor, id);
  return loadSubmission(pool, record, context.actor);
}

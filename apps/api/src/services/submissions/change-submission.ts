import type { Submission, SubmissionAction } from '@liaison/core';
import {
  findSubmission,
  type Pool,
  type PoolClient,
  type SubmissionRecord,
  withTransaction,
} from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import {
  findReadableSubmission,
  loadSubmission,
  requireSubmissionAction,
} from './submission-view.js';

/**
 * Runs `change` on a submission the actor may take `action` on, its row locked for the
 * transaction (a change never lands on a submission withdrawn at the same moment), and answers
 * the submission as it is afterwards. Who asks and what they sent is the caller's to check first.
 */
export async function changeSubmission(
  pool: Pool,
  context: RequestContext,
  id: string,
  action: SubmissionAction,
  change: (client: PoolClient, current: SubmissionRecord) => Promise<void>,
): Promise<Submission> {
  const record = await withTransaction(pool, async (client) => {
    const current = await findReadableSubmission(client, context.actor, id, { lock: true });
    requireSubmissionAction(context.actor, current, action);
    await change(client, current);
    return (await findSubmission(client, id))!;
  });
  return loadSubmission(pool, record, context.actor);
}

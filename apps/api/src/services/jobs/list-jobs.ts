import { allowReadJobQueue, ForbiddenError, type JobList, type JobState } from '@liaison/core';
import { listJobs as listJobRows, type Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';

/**
 * The background jobs in one state, for the operator: failed ones (out of attempts) are what needs
 * a person; pending ones show the queue's backlog and the retries under way.
 */
export async function listJobs(
  pool: Pool,
  context: RequestContext,
  query: { state: JobState; limit: number },
): Promise<JobList> {
  requireUser(context.actor);
  if (!allowReadJobQueue(context.actor)) {
    throw new ForbiddenError('Only the portal operator reads the job queue');
  }
  const rows = await listJobRows(pool, query);
  return {
    items: rows.map((row) => ({
      id: row.id,
      task: row.task,
      attempts: row.attempts,
      maxAttempts: row.maxAttempts,
      lastError: row.lastError,
      runAt: row.runAt.toISOString(),
      createdAt: row.createdAt.toISOString(),
      running: row.lockedAt !== null,
    })),
  };
}

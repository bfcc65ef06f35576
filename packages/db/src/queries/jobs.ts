import { Logger, runMigrations } from 'graphile-worker';
import type { Pool } from '../pool.js';
import type { Queryable } from '../queryable.js';

const silentLogger = new Logger(() => () => {});

/**
 * Background work runs on graphile-worker's PostgreSQL queue (schema `graphile_worker`). A job is
 * queued with SQL, so it commits or rolls back with the transaction that asks for it: a version's
 * text extraction is queued in the same transaction that records the version.
 */

export interface JobOptions {
  /** At most one pending job per key: queueing again replaces the pending one's payload. */
  jobKey?: string;
  runAt?: Date;
  maxAttempts?: number;
  /** Jobs of one named queue run one at a time, across every worker. */
  queueName?: string;
}

export async function enqueueJob(
  db: Queryable,
  task: string,
  payload: Record<string, unknown>,
  options: JobOptions = {},
): Promise<void> {
  await db.query(
    `select graphile_worker.add_job($1, $2::json, job_key => $3, run_at => $4,
                                    max_attempts => $5, queue_name => $6)`,
    [
      task,
      JSON.stringify(payload),
      options.jobKey ?? null,
      options.runAt ?? null,
      options.maxAttempts ?? null,
      options.queueName ?? null,
    ],
  );
}

/** Creates or upgrades the job queue's own schema; graphile-worker serialises concurrent callers. */
export async function installJobQueue(pool: Pool): Promise<void> {
  await runMigrations({ pgPool: pool, logger: silentLogger });
}

/** Pending: waiting for its (next) attempt or running. Failed: out of attempts, kept for a person. */
export type JobState = 'pending' | 'failed';

export interface JobRecord {
  id: string;
  task: string;
  queueName: string | null;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  runAt: Date;
  createdAt: Date;
  lockedAt: Date | null;
  key: string | null;
}

/** The queue's jobs in one state, the soonest due first (failed ones: the latest failure first). */
export async function listJobs(
  db: Queryable,
  filter: { state: JobState; limit: number },
): Promise<JobRecord[]> {
  const result = await db.query<JobRecord>(
    `select id::text, task_identifier as task, queue_name as "queueName", attempts,
            max_attempts as "maxAttempts", last_error as "lastError", run_at as "runAt",
            created_at as "createdAt", locked_at as "lockedAt", key
       from graphile_worker.jobs
      where (attempts >= max_attempts) = ($1 = 'failed')
      order by case when $1 = 'failed' then updated_at end desc, run_at, id
      limit $2`,
    [filter.state, filter.limit],
  );
  return result.rows;
}

/** Jobs waiting or running, and jobs out of attempts, per task: the queue's depth and failures. */
export async function jobStateByTask(
  db: Queryable,
): Promise<Array<{ task: string; pending: number; failed: number }>> {
  const result = await db.query<{ task: string; pending: number; failed: number }>(
    `select task_identifier as task,
            count(*) filter (where attempts < max_attempts)::int as pending,
            count(*) filter (where attempts >= max_attempts)::int as failed
       from graphile_worker.jobs
      group by task_identifier
      order by task_identifier`,
  );
  return result.rows;
}

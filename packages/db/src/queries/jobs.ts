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
}

export async function enqueueJob(
  db: Queryable,
  task: string,
  payload: Record<string, unknown>,
  options: JobOptions = {},
): Promise<void> {
  await db.query(
    `select graphile_worker.add_job($1, $2::json, job_key => $3, run_at => $4, max_attempts => $5)`,
    [
      task,
      JSON.stringify(payload),
      options.jobKey ?? null,
      options.runAt ?? null,
      options.maxAttempts ?? null,
    ],
  );
}

/** Creates or upgrades the job queue's own schema; graphile-worker serialises concurrent callers. */
export async function installJobQueue(pool: Pool): Promise<void> {
  await runMigrations({ pgPool: pool, logger: silentLogger });
}

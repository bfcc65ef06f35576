import type { Pool } from '@liaison/db';
import type { FastifyBaseLogger } from 'fastify';
import {
  type CronItem,
  type LogFunctionFactory,
  Logger,
  parseCronItems,
  type Runner,
  run,
  type TaskList,
} from 'graphile-worker';

export interface JobRunnerOptions {
  pool: Pool;
  log: FastifyBaseLogger;
  /** Jobs run at once by this process. */
  concurrency: number;
  taskList: TaskList;
  /** Recurring jobs; each `identifier` runs once per scheduled time across every runner. */
  cronItems: CronItem[];
}

/**
 * graphile-worker's log lines on the API's logger. Its per-job chatter (picked up, completed) is
 * debug; a failed attempt stays an error.
 */
function bridgeLogger(log: FastifyBaseLogger): Logger {
  const levels = { error: 'error', warning: 'warn', info: 'debug', debug: 'trace' } as const;
  const factory: LogFunctionFactory = (scope) => {
    const scoped = log.child(scope);
    return (level, message, meta) => scoped[levels[level]]({ ...meta }, message);
  };
  return new Logger(factory);
}

/**
 * Runs background jobs from the PostgreSQL queue on the API's pool, alongside the API's other
 * replicas: each job, and each scheduled time of a cron item, runs once whichever process takes it;
 * a failed job is retried with graphile-worker's exponential backoff until its attempts run out.
 * The runner never handles signals itself: `stop()` waits for the jobs in progress, and must come
 * before the pool ends.
 */
export async function startJobRunner(options: JobRunnerOptions): Promise<Runner> {
  return run({
    pgPool: options.pool,
    concurrency: options.concurrency,
    noHandleSignals: true,
    logger: bridgeLogger(options.log),
    taskList: options.taskList,
    parsedCronItems: parseCronItems(options.cronItems),
  });
}

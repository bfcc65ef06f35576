import type { Pool } from '@liaison/db';
import type { ObjectStorage } from '@liaison/storage';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import { openMailTransport } from '../services/notifications/open-mail-transport.js';
import { cronItemsFor, queueStartUpRuns, recurringTasks } from './schedules.js';
import { startJobRunner } from './start-job-runner.js';
import { buildTaskList } from './task-list.js';

export interface BackgroundJobs {
  /** Waits for the jobs in progress, then closes the mail transport. Call before the pool ends. */
  stop(): Promise<void>;
}

/**
 * The API process's background work: the job runner with every task and schedule, the recurring
 * tasks' start-up runs, and the mail transport the delivery task sends through.
 */
export async function startBackgroundJobs(
  deps: { pool: Pool; storage: ObjectStorage; log: FastifyBaseLogger },
  config: Config,
): Promise<BackgroundJobs> {
  const mail = await openMailTransport(
    { pool: deps.pool, log: deps.log.child({ component: 'mail' }) },
    config.mail,
  );
  const recurring = recurringTasks(config);
  const runner = await startJobRunner({
    pool: deps.pool,
    log: deps.log.child({ component: 'jobs' }),
    concurrency: config.jobs.concurrency,
    taskList: buildTaskList({ ...deps, config, mailSender: mail.sender }),
    cronItems: cronItemsFor(recurring),
  });
  await queueStartUpRuns(deps.pool, recurring);
  return {
    async stop() {
      await runner.stop();
      await mail.close();
    },
  };
}

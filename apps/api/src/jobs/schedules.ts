import { enqueueJob, type Pool } from '@liaison/db';
import type { CronItem } from 'graphile-worker';
import type { Config } from '../config.js';
import { cronForInterval } from './interval-cron.js';
import { TASKS } from './task-list.js';

/** A task that runs at start-up and then every `intervalMinutes` (0: at start-up only). */
export interface RecurringTask {
  task: string;
  intervalMinutes: number;
  /** Its runs, scheduled or at start-up, one at a time (jobs of one queue run serially). */
  queueName?: string;
  /** False for a task that runs on its schedule only (a daily digest must not go at every start). */
  atStartUp?: boolean;
}

/** The followers' digest goes once a day, at midnight UTC. */
const FOLLOW_DIGEST_MINUTES = 24 * 60;

/** The outbox is swept every minute: mails whose retry is due, and any a kick missed. */
const MAIL_SWEEP_MINUTES = 1;

export function recurringTasks(config: Config): RecurringTask[] {
  return [
    { task: TASKS.deliverMail, intervalMinutes: MAIL_SWEEP_MINUTES },
    {
      task: TASKS.remindRegisterReviews,
      intervalMinutes: config.mail.reviewCheckIntervalHours * 60,
    },
    {
      task: TASKS.remindStatementDeadlines,
      intervalMinutes: config.mail.statementReminderIntervalHours * 60,
    },
    { task: TASKS.queueReviewMail, intervalMinutes: config.mail.reviewMailIntervalMinutes },
    {
      task: TASKS.reapOrphanedObjects,
      intervalMinutes: config.reaper.intervalMinutes,
      queueName: 'reaper',
    },
    { task: TASKS.sendFollowDigests, intervalMinutes: FOLLOW_DIGEST_MINUTES, atStartUp: false },
  ];
}

/**
 * The cron items of the recurring tasks. The identifier (the task's name) is what makes a scheduled
 * time run once across every replica; a time missed while no runner was up is not made up for
 * (no backfill): the start-up run covers it.
 */
export function cronItemsFor(tasks: RecurringTask[]): CronItem[] {
  return tasks.flatMap(({ task, intervalMinutes, queueName }) => {
    const match = cronForInterval(intervalMinutes);
    if (match === undefined) return [];
    return [{ task, match, identifier: task, options: { backfillPeriod: 0, queueName } }];
  });
}

/**
 * Queues each recurring task's start-up run, under the task's name as job key: replicas starting
 * together share one pending run.
 */
export async function queueStartUpRuns(pool: Pool, tasks: RecurringTask[]): Promise<void> {
  for (const { task, queueName, atStartUp } of tasks) {
    if (atStartUp === false) continue;
    await enqueueJob(pool, task, {}, { jobKey: task, queueName });
  }
}

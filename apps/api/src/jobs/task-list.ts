import { DELIVER_MAIL_TASK, type Pool } from '@liaison/db';
import type { ObjectStorage } from '@liaison/storage';
import type { FastifyBaseLogger } from 'fastify';
import type { TaskList } from 'graphile-worker';
import type { Config } from '../config.js';
import { EXTRACT_VERSION_TEXT } from '../services/content/extract-version-text.js';
import type { MailSender } from '../services/notifications/mail-sender.js';
import { deliverMailTask } from './tasks/deliver-mail.js';
import { extractVersionTextTask } from './tasks/extract-version-text.js';
import { queueReviewMailTask } from './tasks/queue-review-mail.js';
import { reapOrphanedObjectsTask } from './tasks/reap-orphaned-objects.js';
import { remindRegisterReviewsTask } from './tasks/remind-register-reviews.js';
import { remindStatementDeadlinesTask } from './tasks/remind-statement-deadlines.js';
import { sendFollowDigestsTask } from './tasks/send-follow-digests.js';

/** What the tasks run with: the API's own pool, storage, logger and settings. */
export interface JobDependencies {
  pool: Pool;
  storage: ObjectStorage;
  log: FastifyBaseLogger;
  config: Config;
  /** Undefined while no mail server is configured: mail then stays queued. */
  mailSender: MailSender | undefined;
}

export const TASKS = {
  deliverMail: DELIVER_MAIL_TASK,
  remindRegisterReviews: 'remind-register-reviews',
  remindStatementDeadlines: 'remind-statement-deadlines',
  queueReviewMail: 'queue-review-mail',
  reapOrphanedObjects: 'reap-orphaned-objects',
  extractVersionText: EXTRACT_VERSION_TEXT,
  sendFollowDigests: 'send-follow-digests',
} as const;

/**
 * Every background task by the name jobs are queued under (`enqueueJob(db, name, payload)`).
 * A job whose task is not listed here waits in the queue until a runner that knows it starts.
 */
export function buildTaskList(deps: JobDependencies): TaskList {
  return {
    [TASKS.deliverMail]: deliverMailTask(deps),
    [TASKS.remindRegisterReviews]: remindRegisterReviewsTask(deps),
    [TASKS.remindStatementDeadlines]: remindStatementDeadlinesTask(deps),
    [TASKS.queueReviewMail]: queueReviewMailTask(deps),
    [TASKS.reapOrphanedObjects]: reapOrphanedObjectsTask(deps),
    [TASKS.extractVersionText]: extractVersionTextTask(deps),
    [TASKS.sendFollowDigests]: sendFollowDigestsTask(deps),
  };
}

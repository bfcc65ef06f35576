import type { Task } from 'graphile-worker';
import {
  enqueueCommentDigests,
  enqueueReviewClosingReminders,
} from '../../services/notifications/review-mails.js';
import type { JobDependencies } from '../task-list.js';

/** Queues the mail reviews owe over time: closing reminders and the digests of new comments. */
export function queueReviewMailTask(deps: JobDependencies): Task {
  return async () => {
    const now = new Date();
    const [reminders, digests] = await Promise.all([
      enqueueReviewClosingReminders(deps.pool, now),
      enqueueCommentDigests(deps.pool, now),
    ]);
    if (reminders + digests > 0) deps.log.info({ reminders, digests }, 'review mail queued');
  };
}

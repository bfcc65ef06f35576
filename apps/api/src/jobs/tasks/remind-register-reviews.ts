import type { Task } from 'graphile-worker';
import { enqueueReviewReminders } from '../../services/notifications/review-reminders.js';
import type { JobDependencies } from '../task-list.js';

/** Queues the reminders for registers whose review is near or past (each once: dedupe keys). */
export function remindRegisterReviewsTask(deps: JobDependencies): Task {
  return async () => {
    const queued = await enqueueReviewReminders(deps.pool, {
      now: new Date(),
      noticeDays: deps.config.mail.reviewNoticeDays,
    });
    if (queued > 0) deps.log.info({ queued }, 'register review reminders queued');
  };
}

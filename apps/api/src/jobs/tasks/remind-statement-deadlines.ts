import type { Task } from 'graphile-worker';
import { enqueueStatementReminders } from '../../services/notifications/statement-reminders.js';
import type { JobDependencies } from '../task-list.js';

/** Queues the statement deadline reminders that are due (each once: dedupe keys). */
export function remindStatementDeadlinesTask(deps: JobDependencies): Task {
  return async () => {
    const queued = await enqueueStatementReminders(deps.pool, { now: new Date() });
    if (queued > 0) deps.log.info({ queued }, 'statement deadline reminders queued');
  };
}

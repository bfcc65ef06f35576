import type { Task } from 'graphile-worker';
import { enqueueFollowDigests } from '../../services/notifications/follow-digests.js';
import type { JobDependencies } from '../task-list.js';

/** Queues the daily digests of the people who get mail about what they follow once a day. */
export function sendFollowDigestsTask(deps: JobDependencies): Task {
  return async () => {
    const digests = await enqueueFollowDigests({
      pool: deps.pool,
      webUrl: deps.config.mail.webUrl,
      authSecret: deps.config.authSecret,
    });
    if (digests > 0) deps.log.info({ digests }, 'follow digests queued');
  };
}

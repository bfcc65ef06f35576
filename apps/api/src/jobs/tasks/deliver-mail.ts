import type { Task } from 'graphile-worker';
import { deliverDueMail } from '../../services/notifications/deliver-mail.js';
import type { JobDependencies } from '../task-list.js';

/**
 * One pass over the outbox. Each mail keeps its own attempts and backoff in the outbox; the job
 * fails (and is retried) only when the pass itself cannot run. Without a mail server it does
 * nothing: the mail stays queued for when one is configured.
 */
export function deliverMailTask(deps: JobDependencies): Task {
  return async () => {
    if (deps.mailSender === undefined) return;
    const summary = await deliverDueMail({
      pool: deps.pool,
      sender: deps.mailSender,
      log: deps.log,
      webUrl: deps.config.mail.webUrl,
      authSecret: deps.config.authSecret,
    });
    if (summary.sent + summary.deferred + summary.failed > 0)
      deps.log.info(summary, 'mail delivery pass');
  };
}

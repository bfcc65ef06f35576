import type { Pool } from '@liaison/db';
import type { FastifyBaseLogger } from 'fastify';
import { enqueueCommentDigests, enqueueReviewClosingReminders } from './review-mails.js';

export interface ReviewMailSchedule {
  stop(): Promise<void>;
}

const MINUTE_MS = 60_000;

/**
 * Queues the mail reviews owe over time — closing reminders and the hourly digests of new
 * comments — at start-up and every `intervalMinutes`, never two passes at once; the timer does
 * not keep the process alive.
 */
export function scheduleReviewMail(
  deps: { pool: Pool; log: FastifyBaseLogger },
  options: { intervalMinutes: number },
): ReviewMailSchedule {
  let running: Promise<void> | undefined;
  const run = () => {
    if (running) return;
    const now = new Date();
    running = Promise.all([
      enqueueReviewClosingReminders(deps.pool, now),
      enqueueCommentDigests(deps.pool, now),
    ])
      .then(
        ([reminders, digests]) => {
          if (reminders + digests > 0) deps.log.info({ reminders, digests }, 'review mail queued');
        },
        (error: unknown) => deps.log.error({ err: error }, 'review mail pass failed'),
      )
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(run, options.intervalMinutes * MINUTE_MS).unref();
  run();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

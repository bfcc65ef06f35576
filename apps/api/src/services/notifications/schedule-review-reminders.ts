import type { Pool } from '@liaison/db';
import type { FastifyBaseLogger } from 'fastify';
import { enqueueReviewReminders } from './review-reminders.js';

export interface ReviewReminderSchedule {
  stop(): Promise<void>;
}

const HOUR_MS = 3_600_000;

/**
 * Checks for registers whose review is near or past at start-up and every `intervalHours`
 * (0: start-up only), never two checks at once; the timer does not keep the process alive.
 */
export function scheduleReviewReminders(
  deps: { pool: Pool; log: FastifyBaseLogger },
  options: { intervalHours: number; noticeDays: number },
): ReviewReminderSchedule {
  let running: Promise<void> | undefined;
  const run = () => {
    if (running) return;
    running = enqueueReviewReminders(deps.pool, { now: new Date(), noticeDays: options.noticeDays })
      .then(
        (queued) => {
          if (queued > 0) deps.log.info({ queued }, 'register review reminders queued');
        },
        (error: unknown) => deps.log.error({ err: error }, 'register review check failed'),
      )
      .finally(() => {
        running = undefined;
      });
  };
  const timer =
    options.intervalHours > 0
      ? setInterval(run, options.intervalHours * HOUR_MS).unref()
      : undefined;
  run();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

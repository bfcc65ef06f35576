import type { Pool } from '@liaison/db';
import type { FastifyBaseLogger } from 'fastify';
import { enqueueReviewReminders } from './review-reminders.js';
import { type MailCheckSchedule, scheduleMailCheck } from './schedule-mail-check.js';

export type ReviewReminderSchedule = MailCheckSchedule;

/** Checks for registers whose review is near or past at start-up and every `intervalHours`. */
export function scheduleReviewReminders(
  deps: { pool: Pool; log: FastifyBaseLogger },
  options: { intervalHours: number; noticeDays: number },
): ReviewReminderSchedule {
  return scheduleMailCheck(
    deps.log,
    {
      intervalHours: options.intervalHours,
      queued: 'register review reminders queued',
      failed: 'register review check failed',
    },
    () => enqueueReviewReminders(deps.pool, { now: new Date(), noticeDays: options.noticeDays }),
  );
}

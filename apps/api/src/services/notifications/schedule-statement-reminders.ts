import type { Pool } from '@liaison/db';
import type { FastifyBaseLogger } from 'fastify';
import { type MailCheckSchedule, scheduleMailCheck } from './schedule-mail-check.js';
import { enqueueStatementReminders } from './statement-reminders.js';

/**
 * Queues the statement deadline reminders due at start-up and every `intervalHours`. Other
 * processes may run it too: the outbox's dedupe key keeps each reminder single.
 */
export function scheduleStatementReminders(
  deps: { pool: Pool; log: FastifyBaseLogger },
  options: { intervalHours: number },
): MailCheckSchedule {
  return scheduleMailCheck(
    deps.log,
    {
      intervalHours: options.intervalHours,
      queued: 'statement deadline reminders queued',
      failed: 'statement reminder check failed',
    },
    () => enqueueStatementReminders(deps.pool, { now: new Date() }),
  );
}

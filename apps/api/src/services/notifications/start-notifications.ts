import type { Pool } from '@liaison/db';
import type { FastifyBaseLogger } from 'fastify';
import type { MailConfig } from '../../config.js';
import { type RunningMailCatcher, startMailCatcher } from './mail-catcher.js';
import { createSmtpSender, type MailSender } from './mail-sender.js';
import { scheduleMailDelivery } from './schedule-mail-delivery.js';
import { scheduleReviewMail } from './schedule-review-mail.js';
import { scheduleReviewReminders } from './schedule-review-reminders.js';
import { scheduleStatementReminders } from './schedule-statement-reminders.js';

export interface RunningNotifications {
  /** Stops the timers, waits for passes in progress, closes the SMTP connection and catcher. */
  stop(): Promise<void>;
}

/**
 * The API process's mail machinery: the register review and statement deadline reminder checks,
 * the reviews' closing reminders and comment digests (always: they are queued even while no mail
 * server is configured), and, when there is somewhere to send to, the outbox's
 * delivery worker, plus in demo mode the local catcher it sends to.
 */
export async function startNotifications(
  deps: { pool: Pool; log: FastifyBaseLogger },
  mail: MailConfig,
): Promise<RunningNotifications> {
  const reminders = scheduleReviewReminders(deps, {
    intervalHours: mail.reviewCheckIntervalHours,
    noticeDays: mail.reviewNoticeDays,
  });
  const statementReminders = scheduleStatementReminders(deps, {
    intervalHours: mail.statementReminderIntervalHours,
  });
  const reviewMail = scheduleReviewMail(deps, {
    intervalMinutes: mail.reviewMailIntervalMinutes,
  });

  let catcher: RunningMailCatcher | undefined;
  let sender: MailSender | undefined;
  if (mail.transport?.kind === 'catcher') {
    catcher = await startMailCatcher(deps);
    sender = createSmtpSender(`smtp://127.0.0.1:${catcher.port}`, mail.from);
    deps.log.info({ port: catcher.port }, 'demo mail catcher listening on loopback');
  } else if (mail.transport?.kind === 'smtp') {
    sender = createSmtpSender(mail.transport.url, mail.from);
  } else {
    deps.log.warn('no SMTP_URL: e-mail notifications stay queued in the outbox until one is set');
  }

  const delivery = sender
    ? scheduleMailDelivery(
        { pool: deps.pool, sender, log: deps.log, webUrl: mail.webUrl },
        mail.deliveryIntervalSeconds,
      )
    : undefined;

  return {
    async stop() {
      await Promise.all([
        reminders.stop(),
        statementReminders.stop(),
        reviewMail.stop(),
        delivery?.stop(),
      ]);
      sender?.close();
      await catcher?.close();
    },
  };
}

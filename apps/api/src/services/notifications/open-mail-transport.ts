import type { Pool } from '@liaison/db';
import type { FastifyBaseLogger } from 'fastify';
import type { MailConfig } from '../../config.js';
import { type RunningMailCatcher, startMailCatcher } from './mail-catcher.js';
import { createSmtpSender, type MailSender } from './mail-sender.js';

export interface MailTransport {
  /** Where the outbox's mail goes; undefined while no mail server is configured. */
  sender: MailSender | undefined;
  /** Closes the SMTP connection, and the demo catcher when it runs. */
  close(): Promise<void>;
}

/**
 * Where the outbox delivers: the configured SMTP server, or in demo mode the local catcher this
 * starts; with neither, mail stays queued in the outbox until one is set.
 */
export async function openMailTransport(
  deps: { pool: Pool; log: FastifyBaseLogger },
  mail: MailConfig,
): Promise<MailTransport> {
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
  return {
    sender,
    async close() {
      sender?.close();
      await catcher?.close();
    },
  };
}

import { insertCaughtMail, type Pool } from '@liaison/db';
import type { FastifyBaseLogger } from 'fastify';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface RunningMailCatcher {
  /** The loopback port the catcher's SMTP server listens on. */
  port: number;
  close(): Promise<void>;
}

const LARGEST_MESSAGE_BYTES = 1024 * 1024;

/**
 * Demo mode's mail server: a real SMTP server on 127.0.0.1 that accepts every message and keeps it
 * in the database (caught_mail), where the operator reads it (GET /api/v1/mail-catcher/messages).
 * Nothing is relayed anywhere.
 */
export async function startMailCatcher(deps: {
  pool: Pool;
  log: FastifyBaseLogger;
  port?: number;
}): Promise<RunningMailCatcher> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: LARGEST_MESSAGE_BYTES,
    banner: 'Liaison mail catcher (demo): nothing is relayed',
    logger: false,
    onData(stream, session, callback) {
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
      });
      simpleParser(stream)
        .then(async (parsed) => {
          if (stream.sizeExceeded) {
            callback(Object.assign(new Error('Message too large'), { responseCode: 552 }));
            return;
          }
          await insertCaughtMail(deps.pool, {
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            size,
          });
          callback();
        })
        .catch((error: unknown) => {
          deps.log.error({ err: error }, 'mail catcher could not store a message');
          // A 4xx answer: the sender keeps the mail and tries again.
          callback(Object.assign(new Error('Could not store the message'), { responseCode: 451 }));
        });
    },
  });
  server.on('error', (error) => deps.log.error({ err: error }, 'mail catcher error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('mail catcher did not bind a port');
  return {
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

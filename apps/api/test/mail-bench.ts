import type { Pool } from '@liaison/db';
import Fastify from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import {
  type DeliverySummary,
  deliverDueMail,
  type MailDeliveryDependencies,
} from '../src/services/notifications/deliver-mail.js';
import { createSmtpSender, type MailSender } from '../src/services/notifications/mail-sender.js';
import { TEST_AUTH_SECRET } from './helpers.js';
import { type StartedApi, useApi } from './signed-in-api.js';
import { startSmtpServer, type TestSmtpServer } from './smtp-server.js';

/** The portal address the mails of these tests link to. */
export const WEB_URL = 'https://liaison.example.org';
export const MAIL_FROM = 'Liaison <liaison@example.org>';

const log = Fastify({ logger: false }).log;

/** What the delivery worker runs with here: `sender`, the test web address and token key. */
export function mailDelivery(pool: Pool, sender: MailSender): MailDeliveryDependencies {
  return { pool, sender, log, webUrl: WEB_URL, authSecret: TEST_AUTH_SECRET };
}

/** The API of a test file (or suite), with a real SMTP server its mail is delivered to. */
export interface MailBench extends StartedApi {
  /** Keeps every mail it received, in order. */
  readonly server: TestSmtpServer;
  readonly sender: MailSender;
  /** Runs the delivery worker once, as at `now`. */
  deliver(now?: Date): Promise<DeliverySummary>;
}

const notStarted = () => new Error('the SMTP server starts in beforeAll; use it inside a test');

/**
 * For a test file, or the suite it is called in: starts the API, an SMTP server and a sender to
 * it before the tests, and closes them after. Read `api` and `server` inside the tests.
 */
export function useApiWithMail(): MailBench {
  const started = useApi();
  let server: TestSmtpServer | undefined;
  let sender: MailSender | undefined;
  beforeAll(async () => {
    server = await startSmtpServer();
    sender = createSmtpSender(`smtp://127.0.0.1:${server.port}`, MAIL_FROM);
  });
  afterAll(async () => {
    sender?.close();
    await server?.close();
  });
  const bench: MailBench = {
    get api() {
      return started.api;
    },
    get server() {
      if (!server) throw notStarted();
      return server;
    },
    get sender() {
      if (!sender) throw notStarted();
      return sender;
    },
    deliver(now) {
      return deliverDueMail(mailDelivery(bench.api.pool, bench.sender), now);
    },
  };
  return bench;
}

import {
  claimDueMail,
  markMailFailed,
  markMailSent,
  type OutgoingMail,
  type Pool,
} from '@liaison/db';
import type { FastifyBaseLogger } from 'fastify';
import { unfollowPath } from '../../auth/unfollow-tokens.js';
import { isPermanentFailure, type MailSender } from './mail-sender.js';

export interface MailDeliveryDependencies {
  pool: Pool;
  sender: MailSender;
  log: FastifyBaseLogger;
  /** The portal's public address: mails link to pages under it. */
  webUrl: string;
  /** Signs the unfollow links of mails about a follow (AUTH_SECRET). */
  authSecret: string;
}

export interface DeliverySummary {
  sent: number;
  /** Failed this time; tried again later. */
  deferred: number;
  /** Refused for good by the server. */
  failed: number;
}

const BATCH = 20;
/** Longer than the sender's timeouts: a claimed mail is another worker's only if this one died. */
const LEASE_MS = 10 * 60_000;
const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 6 * 3_600_000;

/** Exponential backoff after the n-th failed attempt: 1, 2, 4, ... minutes, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

/**
 * The stored text, the link to the page it is about, and why the recipient got it; for a mail
 * about a follow, the link that ends it (`unfollowUrl`).
 */
export function composeText(mail: OutgoingMail, webUrl: string, unfollowUrl?: string): string {
  const link = mail.linkPath ? `\n\n${webUrl}${mail.linkPath}\n` : '\n';
  const unfollow = unfollowUrl ? `Stop following (one click, no sign-in): ${unfollowUrl}\n` : '';
  return `${mail.text.trimEnd()}${link}\n-- \nLiaison, ${webUrl}\n${unfollow}Your notification settings: ${webUrl}/account/notifications\n`;
}

/**
 * One pass over the outbox: hands every mail due at `now` to the SMTP server, one at a time.
 * Several workers (API replicas) may run it at once: each mail is claimed by exactly one.
 */
export async function deliverDueMail(
  deps: MailDeliveryDependencies,
  now: Date = new Date(),
): Promise<DeliverySummary> {
  const summary: DeliverySummary = { sent: 0, deferred: 0, failed: 0 };
  for (;;) {
    const batch = await claimDueMail(deps.pool, { now, limit: BATCH, leaseMs: LEASE_MS });
    for (const mail of batch) {
      try {
        const unfollowUrl = mail.unfollowId
          ? `${deps.webUrl}${unfollowPath(mail.unfollowId, deps.authSecret)}`
          : undefined;
        await deps.sender.send({
          to: mail.recipient,
          subject: mail.subject,
          text: composeText(mail, deps.webUrl, unfollowUrl),
          ...(unfollowUrl ? { headers: { 'List-Unsubscribe': `<${unfollowUrl}>` } } : {}),
        });
        await markMailSent(deps.pool, mail.id, new Date());
        summary.sent += 1;
      } catch (error) {
        const permanent = isPermanentFailure(error);
        const retryAt = permanent ? null : new Date(now.getTime() + retryDelayMs(mail.attempts));
        await markMailFailed(deps.pool, mail.id, {
          error: (error as Error).message,
          retryAt,
          at: new Date(),
        });
        if (permanent) summary.failed += 1;
        else summary.deferred += 1;
        deps.log.warn(
          { mail: mail.id, kind: mail.kind, attempts: mail.attempts, retryAt, err: error },
          permanent ? 'mail refused by the server; not retried' : 'mail not sent; will retry',
        );
      }
    }
    if (batch.length < BATCH) return summary;
  }
}

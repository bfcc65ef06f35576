import {
  allowReadCaughtMail,
  type CaughtMailList,
  ForbiddenError,
  NotFoundError,
} from '@liaison/core';
import { listCaughtMail as listCaughtMailRows, type Pool } from '@liaison/db';
import type { MailConfig } from '../../config.js';
import type { RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';

/** What the demo mail catcher received, newest first: the operator's, and only in demo mode. */
export async function listCaughtMail(
  deps: { pool: Pool; mail: MailConfig },
  context: RequestContext,
  limit: number,
): Promise<CaughtMailList> {
  if (deps.mail.transport?.kind !== 'catcher') {
    throw new NotFoundError('The mail catcher is off (it runs in demo mode, MAIL_CATCHER=1)');
  }
  requireUser(context.actor);
  if (!allowReadCaughtMail(context.actor)) {
    throw new ForbiddenError('Only the portal operator reads the mail catcher');
  }
  const rows = await listCaughtMailRows(deps.pool, limit);
  return {
    items: rows.map((row) => ({
      id: row.id,
      receivedAt: row.receivedAt.toISOString(),
      from: row.envelopeFrom,
      to: row.envelopeTo,
      subject: row.subject,
      text: row.text,
      size: row.size,
    })),
  };
}

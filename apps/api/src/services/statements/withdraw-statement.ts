import { ConflictError, type Statement } from '@liaison/core';
import { markStatementWithdrawn, type Pool } from '@liaison/db';
import { statementMails } from '../notifications/statement-mails.js';
import type { RequestContext } from '../request-context.js';
import { auditStatement, changeStatement } from './change-statement.js';
import { requireText } from './statement-rules.js';

/**
 * Withdraws a sent statement (admins of the sending organization), with a reason. It stays
 * readable, marked withdrawn; it is owed no more.
 */
export async function withdrawStatement(
  pool: Pool,
  context: RequestContext,
  id: string,
  input: { reason: string },
): Promise<Statement> {
  return changeStatement(pool, context, id, 'withdraw', async (client, current, userId) => {
    if (current.state !== 'sent') {
      throw new ConflictError(
        current.state === 'draft'
          ? 'A draft is not withdrawn but discarded'
          : 'The statement was withdrawn already',
        'statement_not_sent',
      );
    }
    const reason = requireText(input.reason, 'reason');
    await markStatementWithdrawn(client, { id, actorId: userId, reason });
    await auditStatement(client, context, current, {
      action: 'statement.withdraw',
      details: { reason },
    });
    await statementMails.withdrawn(client, { statementId: id, actorEmail: context.actor.email });
  });
}

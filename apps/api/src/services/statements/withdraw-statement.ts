import { ConflictError, type Statement } from '@liaison/core';
import {
  findStatement,
  markStatementWithdrawn,
  type Pool,
  recordAuditEvent,
  withTransaction,
} from '@liaison/db';
import { statementMails } from '../notifications/statement-mails.js';
import { auditedBy, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { requireText } from './statement-rules.js';
import { findReadableStatement, loadStatement, requireStatementAction } from './statement-view.js';

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
  const { userId } = requireUser(context.actor);
  const { actor } = context;
  const record = await withTransaction(pool, async (client) => {
    const current = await findReadableStatement(client, actor, id, { lock: true });
    requireStatementAction(actor, current, 'withdraw');
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
    await recordAuditEvent(client, {
      ...auditedBy(context, [current.from.slug]),
      action: 'statement.withdraw',
      objectType: 'statement',
      objectId: id,
      organization: current.from.slug,
      details: { reason },
    });
    await statementMails.withdrawn(client, { statementId: id, actorEmail: actor.email });
    return (await findStatement(client, id))!;
  });
  return loadStatement(pool, record, actor);
}
